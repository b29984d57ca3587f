/**
 * The thread that checks one large file (large.ts): started with the task as its `workerData`
 * and a bounded heap, it writes the findings and line values to their spools and sends back the
 * rest of the result, or the error.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { analyzeLargeFile, type LargeTask } from './large.js'
import { serializeError } from './pool.js'

if (!parentPort) throw new Error('large-worker.js runs as a worker thread of tq check')
try {
  parentPort.postMessage({ ok: true, value: analyzeLargeFile(workerData as LargeTask) })
} catch (error) {
  parentPort.postMessage({ ok: false, error: serializeError(error) })
}
