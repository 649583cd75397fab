import type { BatchJob } from './types';

export async function createJob(supabase: any, job: Partial<BatchJob>) {
  return supabase.from('batch_jobs').insert({ id: job.id, name: job.name, status: job.status || 'queued' }).select('id, status');
}

export const queuedJobs = { table: 'batch_jobs', where: [{ column: 'status', operator: 'eq', value: 'queued' }] };
