// structuredClone, which a bare isolate lacks: plain data, Maps, Sets, typed arrays, RegExps
// and Dates (read back on the virtual clock's Date), with cycles kept.
import { OriginalDate, VirtualDate } from './clock.ts'

export function clone(value: any, seen = new Map<any, any>()): any {
	if (value === null || typeof value !== 'object') {
		if (typeof value === 'function' || typeof value === 'symbol') throw new TypeError('could not be cloned')
		return value
	}
	if (seen.has(value)) return seen.get(value)
	if (value instanceof OriginalDate) return new VirtualDate(value.getTime())
	if (value instanceof RegExp) return new RegExp(value.source, value.flags)
	if (value instanceof Map) {
		const out = new Map()
		seen.set(value, out)
		for (const [k, v] of value) out.set(clone(k, seen), clone(v, seen))
		return out
	}
	if (value instanceof Set) {
		const out = new Set()
		seen.set(value, out)
		for (const v of value) out.add(clone(v, seen))
		return out
	}
	if (ArrayBuffer.isView(value)) return (value as any).slice()
	const out: any = Array.isArray(value) ? [] : {}
	seen.set(value, out)
	for (const key of Object.keys(value)) out[key] = clone(value[key], seen)
	return out
}
