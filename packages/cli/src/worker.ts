/**
 * A worker thread of `tq check --jobs N` (see pool.ts): receives the run's setup, then checks
 * each input or JSONL record it is sent, exactly as the main thread would (check-input.ts), and
 * sends back the result or the error. The analyzer loads as this module does, while the main
 * thread still reads the inputs.
 */
import { parentPort } from 'node:worker_threads'
import { checkInput, checkRecord, type CheckSetup, type CheckTask, type RecordTask } from './check-input.js'
import { serializeError, type WorkerReply, type WorkerRequest } from './pool.js'

if (!parentPort) throw new Error('worker.js runs as a worker thread of tq check --jobs')
const port = parentPort
let setup: CheckSetup | undefined

port.on('message', (request: WorkerRequest<CheckSetup, CheckTask | RecordTask>) => {
  // The setup comes first; messages arrive in the order they were sent.
  if ('setup' in request) setup = request.setup
  else void answer(request.id, request.task, setup!)
})

async function answer(id: number, task: CheckTask | RecordTask, setup: CheckSetup): Promise<void> {
  let reply: WorkerReply<unknown>
  try {
    const value = 'record' in task ? await checkRecord(task, setup) : await checkInput(task, setup)
    reply = { id, ok: true, value }
  } catch (error) {
    reply = { id, ok: false, error: serializeError(error) }
  }
  port.postMessage(reply)
}
