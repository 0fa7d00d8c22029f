import type { JobView } from '../../../shared/operations';
import { REGISTRY_STAFF, type FeatureOperations } from '../../api/operation';
import type { Core } from '../../core';
import { DomainError } from '../../errors';

/** A job of this process; `key` says what it works on, so the same work is not started twice at once. */
export interface Job extends JobView {
  key: string;
}

/** Finished jobs kept for polling; older ones are forgotten. */
const KEPT_FINISHED = 50;

const jobsOf = new WeakMap<Core, Map<string, Job>>();

function table(core: Core): Map<string, Job> {
  let jobs = jobsOf.get(core);
  if (!jobs) {
    jobs = new Map();
    jobsOf.set(core, jobs);
  }
  return jobs;
}

/** Background jobs live in the memory of the process that runs them: a restart forgets them (the work they did stays). */
export function createJob(core: Core, kind: Job['kind'], key: string, phase: string): Job {
  const jobs = table(core);
  const finished = [...jobs.values()].filter((j) => j.status !== 'running');
  for (const old of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED + 1))) jobs.delete(old.id);
  const job: Job = { id: core.newId(), kind, key, status: 'running', done: 0, total: 0, phase, report: null, error: null };
  jobs.set(job.id, job);
  return job;
}

export function runningJob(core: Core, key: string): Job | undefined {
  return [...table(core).values()].find((j) => j.key === key && j.status === 'running');
}

export function toJobView(job: Job): JobView {
  const { key: _key, ...view } = job;
  return { ...view };
}

export const jobOperations: FeatureOperations<'jobs.get'> = {
  'jobs.get': {
    roles: REGISTRY_STAFF,
    writes: false,
    handler(input, ctx) {
      const job = table(ctx.core).get(input.jobId);
      if (!job) throw new DomainError('not_found', 'Задание не найдено: возможно, программа перезапускалась. Сделанное заданием сохранено; запустите его снова, чтобы увидеть итог.');
      return toJobView(job);
    },
  },
};
