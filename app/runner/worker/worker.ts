// The sandbox worker: a child process of the app server that runs learner code in
// isolated-vm, one fresh isolate per run. It speaks the wire defined in protocol.ts:
// run → started → result, after a ready handshake. Erasable TypeScript, run by plain Node
// (type stripping), so production needs no build step for it.
import { HostToWorkerSchema, type WorkerMessage, type WorkerRunReport, type WorkerRunRequest } from '../protocol.ts'
import { runRequest } from './run.ts'
import { prepareSpare } from './sandbox.ts'

// stripTypeScriptTypes warns once that it is experimental; the warning is noise here.
process.removeAllListeners('warning')

function send(message: WorkerMessage) {
	process.send!(message)
}

let busy = Promise.resolve()
process.on('message', (raw: unknown) => {
	const parsed = HostToWorkerSchema.safeParse(raw)
	if (!parsed.success) return
	const message = parsed.data
	busy = busy.then(async () => {
		send({ type: 'started', id: message.id })
		let result: WorkerRunReport
		try {
			result = await runRequest(message.request as WorkerRunRequest)
		} catch (error) {
			result = { kind: 'error', message: `The sandbox failed: ${String((error as Error | undefined)?.message ?? error)}`, tests: [], compileMs: 0 }
		}
		send({ type: 'result', id: message.id, result, memory: process.memoryUsage().rss })
		prepareSpare()
	})
})
prepareSpare()
send({ type: 'ready', memory: process.memoryUsage().rss })
