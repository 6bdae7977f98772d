// `icewarp/serverStatus`: process id, publish count, memory and change-to-publish latencies, for
// the benchmark (bench/run.ts) and the crash and secret tests. Holds no document text.
import { serverStatusRequest, type ServerStatus } from '../../../common/protocol';
import { Feature } from './feature';

/** Enough for any benchmark run; bounded so a long session cannot grow it. */
const MAX_LATENCIES = 10_000;

export const serverStatus: Feature = {
  capabilities: {},
  register({ connection, onDocumentArrival, onDidPublish, processStatus, pendingValidations, folderWalks }) {
    let publishCount = 0;
    const changedAt = new Map<string, number>();
    let latencies: number[] = [];

    // The clock starts as the message arrives, so the parse of the new text is part of the wait.
    // The first change since the last publish starts it: a pause delays the publish, and
    // keystrokes inside it are one wait, as the user feels it.
    onDocumentArrival((uri) => {
      if (!changedAt.has(uri)) changedAt.set(uri, performance.now());
    });
    onDidPublish((uri) => {
      publishCount++;
      const start = changedAt.get(uri);
      if (start === undefined) return;
      changedAt.delete(uri);
      latencies.push(performance.now() - start);
      if (latencies.length > MAX_LATENCIES) latencies = latencies.slice(-MAX_LATENCIES);
    });

    connection.onRequest(serverStatusRequest, (params): ServerStatus => {
      const status: ServerStatus = { ...processStatus(), publishCount, changeToPublishMs: [...latencies], pendingValidations: pendingValidations(), folderWalks: folderWalks() };
      if (params?.resetLatencies) latencies = [];
      return status;
    });
  },
};
