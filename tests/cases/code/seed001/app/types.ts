export interface BatchJob {
  id: number;
  name: string;
  status: 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled'; // jobschema: batch_jobs.status
}
