import { createClient } from '@supabase/supabase-js';
import type { BatchJob } from '../types';

const supabase = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);

export async function createJob(job: Partial<BatchJob>, topics: string[]) {
  const { data, error } = await supabase
    .from('batch_jobs')
    .insert({
      name: job.name,
      job_type: job.job_type,
      status: job.status || 'queued',
      priority: job.priority || 'normal',
      total_items: topics.length,
      created_by: job.created_by,
    })
    .select('id, name, status, created_at')
    .single();
  if (error) throw error;
  const items = topics.map((topic, position) => ({ batch_job_id: data.id, position, topic }));
  await supabase.from('batch_items').insert(items);
  return data;
}

export async function startJob(id: string) {
  return supabase.from('batch_jobs').update({ status: 'processing', started_at: new Date().toISOString() }).eq('id', id);
}

export async function pauseJob(id: string) {
  // a value the schema does not know: the check rejects it
  return supabase.from('batch_jobs').update({ status: 'suspended' }).eq('id', id);
}

export async function itemProgress(jobId: string) {
  return supabase
    .from('batch_items')
    .select('id, position, status, progress, retries')
    .eq('batch_job_id', jobId)
    .in('status', ['queued', 'processing']);
}

export async function legacyJobs() {
  // jobschema:ignore JS401 rows written before the rename are still read until the fix migration has run
  return supabase.from('batch_jobs').select('id').eq('status', 'pending');
}

export async function queuedJobs(saol: { agentQuery: (q: object) => Promise<unknown> }) {
  return saol.agentQuery({
    table: 'batch_jobs',
    where: [{ column: 'status', operator: 'eq', value: 'queued' }],
    limit: 1,
    transport: 'supabase',
  });
}

export const STALE_JOBS = `
  UPDATE batch_jobs SET status = 'failed', completed_at = now()
  WHERE status = 'processing' AND started_at < now() - interval '2 hours'`;

export function label(tier: string): string {
  return Buffer.from(tier).toString('base64') + Array.from('ab').join('');
}

// SQL built from pieces is read as one statement, each value at its own place
export const RESET_ITEMS = 'UPDATE batch_items SET status = ' + "'queued', error_message = NULL " +
  "WHERE status IN ('failed', 'cancelled') AND batch_job_id = $1";

export const PAUSED_JOBS = 'SELECT id, name, ' + `status, total_items FROM batch_jobs WHERE status = 'paused'`;

export function retryItem(jobId: string): string {
  // a value the schema does not know, in the middle of the concatenation
  return "UPDATE batch_items SET status = '" + 'retrying' + "' WHERE batch_job_id = '" + jobId + "'";
}

// values passed through a parameter: each call's literal is checked where the call passes it
async function setJobStatus(id: string, status: string) {
  return supabase.from('batch_jobs').update({ status }).eq('id', id);
}

export const resumeJob = (id: string) => setJobStatus(id, 'processing');

export const archiveJob = (id: string) => setJobStatus(id, 'archived');
