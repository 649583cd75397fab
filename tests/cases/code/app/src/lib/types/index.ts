// Types shared by the batch services (the shapes of seed 001's src/lib/types/index.ts).

export interface BatchJob {
  id: string;
  name: string;
  job_type: string;
  status: 'queued' | 'processing' | 'paused' | 'completed' | 'failed' | 'cancelled'; // jobschema: batch_jobs.status
  priority: string;
  total_items: number;
  completed_items: number;
  created_by: string | null;
}

// jobschema: batch_items.status
export type BatchItemStatus = 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled' | 'skipped';

export type Tier = 'template' | 'scenario' | 'edge_case';
