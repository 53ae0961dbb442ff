export { createServer, createStyrgrafYoga, PLUGIN_NAMES, type PluginName, type ServerOptions, type StyrgrafYoga } from './app.ts';
export { createHttpServer } from './http/server.ts';
export { startServer, openStore, type RunningServer } from './start.ts';
export { readConfig, ConfigError, type Config } from './config.ts';
export { LIMITS } from './limits.ts';
