export { createJob, jobOperations, runningJob, toJobView, type Job } from './operations';
