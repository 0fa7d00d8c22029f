export { childSchedule, scheduleOperations } from './operations';
