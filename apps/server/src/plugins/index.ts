/** The server's yoga plugins, one concern each; app.ts puts them in order. */
export { useAdmission, type AdmissionSettings } from './admission.ts';
export { useArgumentCaps } from './argument-caps.ts';
export { payloadTooLarge, useBodyLimit } from './body-limit.ts';
export { useBudgetErrors } from './budget-errors.ts';
export { useCompiledExecution, type ExecutionPath } from './compiled-execution.ts';
export { useCooperativeExecution } from './cooperative.ts';
export { useCsrfPrevention } from './csrf.ts';
export { COST, costError, useCostLimit, type CostedContext } from './cost-limit.ts';
export { useHealth } from './health.ts';
export { armorConfig, useQueryLimits } from './query-limits.ts';
export { usePublicCors } from './public-cors.ts';
export { queryTimeoutError, useQueryTimeout } from './query-timeout.ts';
export { RECORDS_EXCEEDED, useRecordBudget } from './record-budget.ts';
export { useRequestParamErrors } from './request-params.ts';
