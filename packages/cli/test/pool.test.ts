/** The thread pool behind `--jobs` (src/pool.ts), with a stand-in worker that multiplies numbers. */
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { threadId } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { TqError } from '../src/errors.js'
import { WorkerPool } from '../src/pool.js'
import { tempDir } from './helpers.js'

interface Task {
  n: number
  fail?: boolean
  crash?: boolean
}
interface Result {
  n: number
  thread: number
}

/** Speaks the protocol of src/worker.ts: the setup first, then tasks; fails and crashes on request. */
const WORKER = pathToFileURL(
  resolve(
    tempDir({
      'worker.mjs': `
import { parentPort, threadId } from 'node:worker_threads'
let setup
parentPort.on('message', (message) => {
  if ('setup' in message) return void (setup = message.setup)
  const { id, task } = message
  if (task.crash) process.exit(3)
  if (task.fail) parentPort.postMessage({ id, ok: false, error: { message: 'bad input ' + task.n, tq: true } })
  else parentPort.postMessage({ id, ok: true, value: { n: task.n * setup.factor, thread: threadId } })
})
`,
    }),
    'worker.mjs',
  ),
)

const local = async (task: Task, setup: { factor: number }): Promise<Result> => {
  if (task.fail) throw new TqError(`bad input ${task.n}`)
  return { n: task.n * setup.factor, thread: threadId }
}

const pools: Array<WorkerPool<{ factor: number }, Task, Result>> = []
function pool(size: number): WorkerPool<{ factor: number }, Task, Result> {
  const made = new WorkerPool<{ factor: number }, Task, Result>(WORKER, size, local)
  pools.push(made)
  return made
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((made) => made.close()))
})

describe('WorkerPool', () => {
  it('settles each task with its own result, on this thread and on the workers', async () => {
    const threads = pool(2)
    threads.start()
    threads.configure({ factor: 3 })
    const results = await Promise.all(Array.from({ length: 200 }, (_, n) => threads.run({ n })))
    expect(results.map((result) => result.n)).toEqual(Array.from({ length: 200 }, (_, n) => n * 3))
    const used = new Set(results.map((result) => result.thread))
    expect(used.has(threadId)).toBe(true)
    expect(used.size).toBe(3)
  })

  it('starts no worker while this thread keeps up, and workers once allowed', async () => {
    const threads = pool(0)
    threads.configure({ factor: 2 })
    const alone = await Promise.all(Array.from({ length: 20 }, (_, n) => threads.run({ n })))
    expect(new Set(alone.map((result) => result.thread))).toEqual(new Set([threadId]))
    threads.grow(1)
    const both = await Promise.all(Array.from({ length: 20 }, (_, n) => threads.run({ n })))
    expect(both.map((result) => result.n)).toEqual(Array.from({ length: 20 }, (_, n) => n * 2))
    expect(new Set(both.map((result) => result.thread)).size).toBe(2)
  })

  it('rebuilds a worker’s input error as a TqError, and fails the other tasks of a worker that dies', async () => {
    const threads = pool(1)
    threads.start()
    threads.configure({ factor: 1 })
    const tasks = [threads.run({ n: 1, fail: true }), threads.run({ n: 2, fail: true })]
    const errors = await Promise.all(tasks.map((task) => task.then(() => undefined, (error: unknown) => error)))
    for (const [index, error] of errors.entries()) {
      expect(error).toBeInstanceOf(TqError)
      expect((error as Error).message).toBe(`bad input ${index + 1}`)
    }
    // The worker is idle, so it takes the crash; the task after it is failed with it.
    const crash = threads.run({ n: 3, crash: true })
    const after = threads.run({ n: 4 })
    await expect(crash).rejects.toThrow(/worker thread stopped unexpectedly \(exit code 3\)/)
    await expect(after).resolves.toEqual({ n: 4, thread: threadId })
    await expect(threads.run({ n: 5 })).rejects.toThrow(/exit code 3/)
  })
})
