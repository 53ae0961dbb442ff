export { createServer, createStyrgrafYoga, PLUGIN_NAMES, type PluginName, type ServerOptions, type StyrgrafYoga } from './app.ts';
export { createHttpServer } from './http/server.ts';
export { startServer, openStore, type RunningServer } from './start.ts';
export { readConfig, ConfigError, type Config } from './config.ts';
export { LIMITS } from './limits.ts';
// The quiz's parts, for the growth table of `pnpm bench` (test/bench/growth.ts), which times each on larger sets.
export { QuestionBank, readQuizGraph } from './training/bank.ts';
export { QuizGraph } from './training/quiz-graph.ts';
export { drawQuiz } from './training/quiz.ts';
