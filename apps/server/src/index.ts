export { createStyrgrafYoga, createHttpServer } from './app.ts';
export { startServer, openStore, type RunningServer } from './start.ts';
export { readConfig, ConfigError, type Config } from './config.ts';
export { LIMITS } from './limits.ts';
