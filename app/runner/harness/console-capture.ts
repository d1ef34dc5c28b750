// The sandbox's console: lines formatted as Node's console formats them, kept for the run's
// output and for the output of the test that printed them, both within one byte allowance.
import { format, inspect } from '@vitest/utils/display'
import { config } from './config.ts'

type ConsoleMethod = (...args: any[]) => any

let runOutput = ''
let runOutputBytes = 0
let runOutputTruncated = false
let testOutput: string[] | null = null
let allTestOutputBytes = 0
function utf8Length(text: string) {
	let bytes = 0
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i)
		if (code < 0x80) bytes += 1
		else if (code < 0x800) bytes += 2
		else if (code >= 0xd800 && code < 0xdc00) {
			bytes += 4
			i++
		} else bytes += 3
	}
	return bytes
}
function write(stream: string, args: unknown[]) {
	let line: string
	try {
		// Like Node's console: printf-style when the first argument asks for it, else strings as-is.
		const [first] = args
		line = typeof first === 'string' && /%[sdifjoOc%]/.test(first) ? format(args) : args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ')
	} catch (error) {
		line = '[unprintable value]'
	}
	if (stream === 'error' || stream === 'warn') line = `${stream === 'error' ? '[error]' : '[warn]'} ${line}`
	line += '\n'
	// Cap the line before measuring it, so one enormous line costs no more than the limit.
	if (line.length > config.outputBytes) line = `${line.slice(0, config.outputBytes)}…\n`
	const bytes = utf8Length(line)
	if (!runOutputTruncated) {
		if (runOutputBytes + bytes > config.outputBytes) {
			runOutput += `\n… output truncated: the console limit is ${Math.round(config.outputBytes / 1024)} KB\n`
			runOutputTruncated = true
		} else {
			runOutput += line
			runOutputBytes += bytes
		}
	}
	// Every test's own output comes out of one shared allowance too.
	if (testOutput && allTestOutputBytes + bytes <= config.outputBytes) {
		testOutput.push(line)
		allTestOutputBytes += bytes
	}
}
export const consoleObject: Record<string, ConsoleMethod> = {}
for (const method of ['log', 'info', 'debug', 'trace']) consoleObject[method] = (...args: unknown[]) => write('log', args)
consoleObject.warn = (...args: unknown[]) => write('warn', args)
consoleObject.error = (...args: unknown[]) => write('error', args)
consoleObject.table = (data: unknown) => write('log', [data])
consoleObject.dir = (data: unknown) => write('log', [data])
consoleObject.assert = (condition: unknown, ...args: unknown[]) => {
	if (!condition) write('error', ['Assertion failed:', ...args])
}
consoleObject.group = consoleObject.groupCollapsed = consoleObject.groupEnd = consoleObject.time = consoleObject.timeEnd = consoleObject.count = () => {}

/** From now on, what the console prints is also the output of the test about to run. */
export function startTestOutput() {
	testOutput = []
}

/** The output of the test that ran, if it printed anything; its collection stops. */
export function takeTestOutput(): string | undefined {
	const output = testOutput?.length ? testOutput.join('') : undefined
	testOutput = null
	return output
}

/** The run's console so far, as JSON for the host. */
export function takeConsole(): string {
	return JSON.stringify({ console: runOutput, truncated: runOutputTruncated })
}
