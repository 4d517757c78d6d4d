/// <reference lib="webworker" />
import { handleJob, type JobRequest } from './reportJobs.ts';

/** The report's worker: jsPDF and docx off the page's thread (see reportJobs.ts). */
const scope = self as unknown as DedicatedWorkerGlobalScope;
// One job after the other, in the order they came: a board never overtakes the start of its PDF.
let queue: Promise<unknown> = Promise.resolve();
scope.onmessage = (e: MessageEvent<JobRequest>) => {
  queue = queue.then(async () => {
    const answer = await handleJob(e.data);
    if (answer) scope.postMessage(answer, answer.ok ? [answer.bytes.buffer] : []);
  });
};
