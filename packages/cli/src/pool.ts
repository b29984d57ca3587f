/**
 * A pool of threads for `tq check --jobs N`: tasks in, results out, each result settling the
 * promise its `run()` returned, so the caller keeps input order by awaiting in order. The main
 * thread is one of the N (`local`: one task at a time, between which it hands out the other
 * threads' tasks and collects their results); the other N − 1 are worker threads.
 *
 * - Each worker loads the analyzer itself (a few hundred ms of CPU). `start()` starts them all at
 *   once, so they load while the caller still reads its inputs; without it, workers start
 *   lazily, a new one only while the main thread and every running worker are busy and the pool
 *   has fewer than `size` (a JSONL stream of one record starts none). `size` may grow later
 *   (`grow()`): a stream can start in the main thread alone and take workers once it proves long.
 * - The run's setup goes to each worker once (`configure()`), as its first message, before any
 *   task: it may be known only after the workers were started.
 * - A worker holds at most PER_WORKER tasks: one it works on, one waiting, so it never idles for a
 *   round trip, and a slow input does not leave a queue of others stuck behind it.
 * - A task that throws comes back as its error, rebuilt on this side (a TqError stays a TqError,
 *   so it ends the run as one `tq: …` line). A worker that dies (a crash, out of memory) fails
 *   every unsettled task.
 */
import { Worker } from 'node:worker_threads'
import { TqError } from './errors.js'

/** Tasks a worker holds at once. */
const PER_WORKER = 2

/** What a worker receives: the setup, once and first, then tasks. */
export type WorkerRequest<Setup, Task> = { setup: Setup } | { id: number; task: Task }

export type WorkerReply<Result> = { id: number; ok: true; value: Result } | { id: number; ok: false; error: SerializedError }

/** An error as it crosses threads. */
export interface SerializedError {
  message: string
  stack?: string
  /** A TqError: the user's input is at fault, not tq. */
  tq: boolean
}

export function serializeError(error: unknown): SerializedError {
  const serialized: SerializedError = { message: error instanceof Error ? error.message : String(error), tq: error instanceof TqError }
  if (error instanceof Error && error.stack !== undefined) serialized.stack = error.stack
  return serialized
}

export function deserializeError(error: SerializedError): Error {
  const rebuilt = error.tq ? new TqError(error.message) : new Error(error.message)
  if (error.stack !== undefined) rebuilt.stack = error.stack
  return rebuilt
}

interface Job<Task, Result> {
  id: number
  task: Task
  resolve: (value: Result) => void
  reject: (error: Error) => void
}

interface Slot<Task, Result> {
  worker: Worker
  jobs: Map<number, Job<Task, Result>>
}

export class WorkerPool<Setup, Task, Result> {
  private readonly slots: Array<Slot<Task, Result>> = []
  private readonly queue: Array<Job<Task, Result>> = []
  private setup: { setup: Setup } | undefined
  private localBusy = false
  private nextId = 0
  private failure: Error | undefined
  private closing = false

  /**
   * @param script the worker's module (worker.ts)
   * @param size the most worker threads to start (besides the main thread)
   * @param local runs a task in the main thread, as a worker would
   */
  constructor(
    private readonly script: URL,
    private size: number,
    private readonly local: (task: Task, setup: Setup) => Promise<Result>,
  ) {}

  /** Start every worker now. */
  start(): void {
    while (this.slots.length < this.size) this.spawn()
  }

  /** Allow up to `size` worker threads from now on. */
  grow(size: number): void {
    if (size <= this.size) return
    this.size = size
    this.dispatch()
  }

  /** The setup every worker gets before its first task. Call once, before `run()`. */
  configure(setup: Setup): void {
    this.setup = { setup }
    for (const slot of this.slots) this.post(slot, this.setup)
  }

  /** Run `task` on this thread or a worker. */
  run(task: Task): Promise<Result> {
    if (!this.setup) throw new Error('WorkerPool.run before configure')
    if (this.failure) return Promise.reject(this.failure)
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject })
      this.dispatch()
    })
  }

  /** Stop every worker; unsettled tasks are dropped. */
  async close(): Promise<void> {
    this.closing = true
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.failure) {
      const slot = this.freeSlot()
      if (!slot) return
      const job = this.queue.shift()!
      if (slot === 'local') this.runLocal(job)
      else {
        slot.jobs.set(job.id, job)
        this.post(slot, { id: job.id, task: job.task })
      }
    }
  }

  /** Run `job` in this thread on the next turn of the event loop, so the caller goes on first. */
  private runLocal(job: Job<Task, Result>): void {
    this.localBusy = true
    setImmediate(() => {
      // The run ended meanwhile (an earlier input failed): nobody waits for this one.
      if (this.closing) return
      new Promise<Result>((resolve) => resolve(this.local(job.task, this.setup!.setup)))
        .then(job.resolve, job.reject)
        .finally(() => {
          this.localBusy = false
          this.dispatch()
        })
    })
  }

  private post(slot: Slot<Task, Result>, request: WorkerRequest<Setup, Task>): void {
    slot.worker.postMessage(request)
  }

  /**
   * Where the next task goes: an idle worker, else this thread if idle, else a new worker while
   * there is room, else the least busy worker with room in its queue.
   */
  private freeSlot(): Slot<Task, Result> | 'local' | undefined {
    let best: Slot<Task, Result> | undefined
    for (const slot of this.slots) if (!best || slot.jobs.size < best.jobs.size) best = slot
    if (best && best.jobs.size === 0) return best
    if (!this.localBusy) return 'local'
    if (this.slots.length < this.size) return this.spawn()
    return best && best.jobs.size < PER_WORKER ? best : undefined
  }

  private spawn(): Slot<Task, Result> {
    const worker = new Worker(this.script)
    const slot: Slot<Task, Result> = { worker, jobs: new Map() }
    if (this.setup) this.post(slot, this.setup)
    worker.on('message', (reply: WorkerReply<Result>) => {
      const job = slot.jobs.get(reply.id)
      if (!job) return
      slot.jobs.delete(reply.id)
      if (reply.ok) job.resolve(reply.value)
      else job.reject(deserializeError(reply.error))
      this.dispatch()
    })
    worker.on('error', (error: Error) => this.fail(error))
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`a worker thread stopped unexpectedly (exit code ${code})`))
    })
    this.slots.push(slot)
    return slot
  }

  private fail(error: Error): void {
    if (this.failure) return
    this.failure = error
    for (const slot of this.slots) {
      for (const job of slot.jobs.values()) job.reject(error)
      slot.jobs.clear()
    }
    for (const job of this.queue.splice(0)) job.reject(error)
  }
}
