// Runs INSIDE the isolate. Learner code shares its realm with the assertion library and the
// harness, so everything the verdict depends on is made read-only before any learner module
// is evaluated: every intrinsic reachable from the global object (frozen), the global bindings
// themselves (non-writable), and the test API. What to freeze is listed once, while the harness
// is evaluated for the V8 snapshot; the freezing itself runs per context, since V8 aborts when
// a context is made from a snapshot holding frozen intrinsics. See docs/decisions/013.

type Named = { object: object; name: string }

/**
 * The "override mistake": once Object.prototype.toString is frozen, `obj.toString = …` on an
 * ordinary object throws in strict code, because an inherited read-only property blocks
 * assignment. Ordinary code does this all the time (`this.name = 'ValidationError'` in an
 * Error subclass), so these properties become accessors whose setter defines an own property
 * on the object assigned to, and refuses only an assignment to the prototype itself. The list
 * follows what SES calls "moderate" override taming.
 */
function overridable(g: any): Array<[object, PropertyKey[] | '*', string]> {
	const errors = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError']
	const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))
	return [
		[Object.prototype, '*', 'Object.prototype'],
		[Function.prototype, ['constructor', 'bind', 'toString'], 'Function.prototype'],
		[Array.prototype, ['toString', 'push', 'concat', 'constructor', Symbol.iterator], 'Array.prototype'],
		[Promise.prototype, ['constructor', 'then', 'catch', 'finally'], 'Promise.prototype'],
		[iteratorPrototype, ['toString', 'constructor', Symbol.iterator], 'Iterator.prototype'],
		[Date.prototype, ['toJSON', 'toString', 'constructor'], 'Date.prototype'],
		[Map.prototype, ['constructor'], 'Map.prototype'],
		[Set.prototype, ['constructor'], 'Set.prototype'],
		...errors
			.filter((name) => typeof g[name] === 'function')
			.map((name): [object, PropertyKey[], string] => [g[name].prototype, ['constructor', 'message', 'name', 'toString'], `${name}.prototype`]),
	]
}

const isObject = (value: unknown): value is object => (typeof value === 'object' && value !== null) || typeof value === 'function'

function keyName(key: PropertyKey) {
	return typeof key === 'symbol' ? `[${key.description ?? 'symbol'}]` : String(key)
}

/** A read-only built-in was assigned to: the message the learner sees says what and why. */
export class BuiltinTamperError extends TypeError {
	constructor(target: string) {
		super(`tried to replace ${target}; ${readOnlyReason(target)}`)
	}
}

type Taming = { proto: object; key: PropertyKey; accessor: PropertyDescriptor }

/** The accessors that tame the override mistake, made once (with the snapshot) and installed per context. */
function prepareTamings(g: any): Taming[] {
	const tamings: Taming[] = []
	for (const [proto, keys, protoName] of overridable(g)) {
		for (const key of keys === '*' ? Reflect.ownKeys(proto) : keys) {
			const descriptor = Object.getOwnPropertyDescriptor(proto, key)
			if (!descriptor || !('value' in descriptor) || !descriptor.configurable) continue
			const value = descriptor.value
			const target = `${protoName}.${keyName(key)}`
			tamings.push({
				proto,
				key,
				accessor: {
					get: function () {
						return value
					},
					set: function (this: object, next: unknown) {
						if (this === proto) throw new BuiltinTamperError(target)
						if (Object.hasOwn(this, key)) (this as any)[key] = next
						else Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true })
					},
					enumerable: descriptor.enumerable,
					configurable: false,
				},
			})
		}
	}
	return tamings
}

// Intrinsics that no global names but learner code can reach (the prototypes of generators,
// async functions, iterators, typed arrays).
function hiddenIntrinsics(): object[] {
	const proto = Object.getPrototypeOf
	const found: unknown[] = [
		proto(function* () {}),
		proto(async function () {}),
		proto(async function* () {}),
		proto(proto(async function* () {}).prototype),
		proto([][Symbol.iterator]()),
		proto(proto([][Symbol.iterator]())),
		proto(new Map()[Symbol.iterator]()),
		proto(new Set()[Symbol.iterator]()),
		proto(''[Symbol.iterator]()),
		proto(/a/[Symbol.matchAll]('a')),
		proto(Int8Array),
		proto((function* () {})()),
		(() => {
			try {
				// %ThrowTypeError%: already frozen by V8, listed for completeness.
				return Object.getOwnPropertyDescriptor(Function.prototype, 'caller')?.get
			} catch {
				return undefined
			}
		})(),
	]
	return found.filter(isObject)
}

/** Every object reachable from `roots` through properties (values, getters, setters) and prototypes, except `stop`'s. Getters are never called. */
function reachable(roots: object[], stop: (object: object) => boolean): object[] {
	const seen = new Set<object>()
	const queue = roots.slice()
	for (let head = 0; head < queue.length; head++) {
		const object = queue[head]!
		if (seen.has(object) || stop(object)) continue
		seen.add(object)
		const prototype = Object.getPrototypeOf(object)
		if (prototype !== null) queue.push(prototype)
		for (const key of Reflect.ownKeys(object)) {
			const descriptor = Object.getOwnPropertyDescriptor(object, key)!
			if (isObject(descriptor.value)) queue.push(descriptor.value)
			if (isObject(descriptor.get)) queue.push(descriptor.get)
			if (isObject(descriptor.set)) queue.push(descriptor.set)
		}
	}
	return [...seen]
}

/**
 * Names each object reachable from the global bindings and the named roots by its shortest
 * path ("Array.prototype", "JSON"), for messages. Breadth first; a name through a
 * [[Prototype]] link gives way to a direct one (Function.prototype is met first as Object's).
 */
function nameObjects(g: any, extraRoots: Named[], mutable: Set<object>) {
	const names = new Map<object, string>()
	const queue: Named[] = []
	for (const key of Reflect.ownKeys(g)) {
		const descriptor = Object.getOwnPropertyDescriptor(g, key)!
		if (isObject(descriptor.value)) queue.push({ object: descriptor.value, name: keyName(key) })
	}
	queue.push(...extraRoots)
	for (let head = 0; head < queue.length; head++) {
		const { object, name } = queue[head]!
		if (mutable.has(object) || object === g) continue
		const known = names.get(object)
		if (known !== undefined) {
			if (known.includes('[[Prototype]]') && !name.includes('[[Prototype]]')) names.set(object, name)
			continue
		}
		names.set(object, name)
		for (const key of Reflect.ownKeys(object)) {
			const value = Object.getOwnPropertyDescriptor(object, key)!.value
			if (isObject(value)) queue.push({ object: value, name: `${name}.${keyName(key)}` })
		}
		const prototype = Object.getPrototypeOf(object)
		if (prototype !== null) queue.push({ object: prototype, name: `${name}.[[Prototype]]` })
	}
	return names
}

export type LockdownOptions = {
	/** Global bindings learner code may replace (console, which tests spy on). */
	writableGlobals: Set<PropertyKey>
	/** Objects that stay mutable: the global object itself, the console, the harness's stub slots. */
	mutable: Set<object>
	/** Harness objects the verdict depends on that no global names. */
	extraRoots: Named[]
	/** List what to freeze now (for the snapshot) rather than at the first seal. */
	listNow: boolean
}

/**
 * Prepares the lockdown of a realm. Made once, while the harness is evaluated for the V8
 * snapshot: finding what to freeze is the expensive part (a cold walk of ≈ 1,200 objects took
 * 10–30 ms per context), and the list, unlike a frozen object, can live in the snapshot. Each
 * context then only freezes the listed objects and whatever its own set-up added.
 */
export function prepareLockdown(g: any, options: LockdownOptions) {
	const stop = (object: object) => object === g || options.mutable.has(object)
	const globalRoots = () =>
		Reflect.ownKeys(g).flatMap((key) => {
			if (options.writableGlobals.has(key)) return []
			const descriptor = Object.getOwnPropertyDescriptor(g, key)!
			return [descriptor.value, descriptor.get, descriptor.set].filter(isObject)
		})
	// An array, not a Set: a Set of ≈ 1,200 objects in the snapshot made every isolate and context
	// noticeably slower to create. Once sealed, "frozen" is the membership test.
	const list = () => reachable([...globalRoots(), ...options.extraRoots.map((root) => root.object), ...hiddenIntrinsics()], stop)
	// Made now when the harness is evaluated for the snapshot; a harness evaluated for one use
	// only (the runner benchmark's in-process baseline, which never seals) skips it.
	let listed: object[] | null = options.listNow ? list() : null
	const tamings = prepareTamings(g)
	let names: Map<object, string> | null = null
	return {
		/** Freezes the realm for learner code: once per context, before any learner module runs. */
		seal() {
			for (const { proto, key, accessor } of tamings) Object.defineProperty(proto, key, accessor)
			listed ??= list()
			for (let i = 0; i < listed.length; i++) Object.freeze(listed[i])
			// The harness makes what it installs once, so it is listed; anything else a context's
			// set-up put on the global object is frozen here.
			for (const key of Reflect.ownKeys(g)) {
				if (options.writableGlobals.has(key)) continue
				const value = Object.getOwnPropertyDescriptor(g, key)!.value
				if (isObject(value) && !stop(value) && !Object.isFrozen(value)) {
					for (const object of reachable([value], (object) => stop(object) || Object.isFrozen(object))) Object.freeze(object)
				}
			}
			for (const key of Reflect.ownKeys(g)) {
				if (options.writableGlobals.has(key)) continue
				const descriptor = Object.getOwnPropertyDescriptor(g, key)!
				if (!descriptor.configurable) continue
				Object.defineProperty(g, key, 'value' in descriptor ? { writable: false, configurable: false } : { configurable: false })
			}
		},
		/** Whether learner code cannot change this object (a frozen built-in or harness object). */
		isLocked(object: object) {
			return Object.isFrozen(object) && this.names().has(object)
		},
		/** Names of the locked objects, worked out when a message first needs one. */
		names() {
			names ??= nameObjects(g, options.extraRoots, options.mutable)
			return names
		},
	}
}

const TEST_API_ROOTS = new Set([
	'describe',
	'suite',
	'it',
	'test',
	'xit',
	'xtest',
	'xdescribe',
	'fit',
	'fdescribe',
	'beforeAll',
	'afterAll',
	'beforeEach',
	'afterEach',
	'expect',
	'vi',
	'vitest',
	'jest',
	'the test API',
	'the simulation kit',
])

function isTestApi(name: string) {
	return TEST_API_ROOTS.has(name.split('.')[0]!)
}

/** "…; built-ins are read-only in the sandbox", or the test API's wording for its objects. */
export function readOnlyReason(target: string) {
	return isTestApi(target.replace(/^the global /, '')) ? 'the test API is read-only in the sandbox' : 'built-ins are read-only in the sandbox'
}

// V8's words when strict code changes a frozen object or a non-writable binding.
const READ_ONLY_MESSAGES: Array<[RegExp, string]> = [
	[/^Cannot assign to read only property '([^']{1,200})' of (?:object|function) '([^]{0,300})'$/, 'replace'],
	[/^Cannot add property ([^,]{1,200}), object is not extensible$/, 'add'],
	[/^Cannot define property ([^,]{1,200}), object is not extensible$/, 'add'],
	[/^Cannot redefine property: ([^]{1,200})$/, 'redefine'],
	[/^Cannot delete property '([^']{1,200})' of ([^]{0,300})$/, 'delete'],
]

/** Which frozen object most likely owns `key`, using V8's description of it as a hint. */
function ownerOf(names: Map<object, string>, g: object, key: string, description = ''): string | null {
	const hint =
		/^function '?(?:function|class) (\w+)/.exec(description)?.[1] ??
		/^'?\[object (\w+)\]/.exec(description)?.[1] ??
		(/^'?#<(\w+)>/.exec(description)?.[1] ?? '') + '.prototype'
	const candidates: string[] = []
	for (const [object, name] of names) {
		let owns: boolean
		try {
			owns = Object.hasOwn(object, key)
		} catch {
			owns = false
		}
		if (owns && !name.includes('[[Prototype]]')) candidates.push(name)
	}
	const exact = candidates.find((name) => name === hint || name === hint.replace(/\.prototype$/, ''))
	if (exact) return exact
	// A global binding (`JSON = …`, `globalThis.expect = …`) before an object that merely shares the name.
	if (Object.hasOwn(g, key)) return null
	candidates.sort((a, b) => a.length - b.length)
	return candidates[0] ?? null
}

/**
 * Turns V8's TypeError about a read-only property into what the learner tried, e.g.
 * "tried to replace JSON.stringify; built-ins are read-only in the sandbox". Null when the
 * message is not about a frozen built-in or binding.
 */
export function describeTamper(message: string, names: Map<object, string>, g: object): string | null {
	for (const [pattern, verb] of READ_ONLY_MESSAGES) {
		const match = pattern.exec(message)
		if (!match) continue
		const key = match[1]!
		const owner = verb === 'add' ? null : ownerOf(names, g, key, match[2])
		const isGlobal = owner === null && Object.hasOwn(g, key)
		if (!owner && !isGlobal && verb !== 'add') return null
		const target = isGlobal ? `the global ${key}` : owner ? `${owner}.${key}` : null
		if (verb === 'add') return `tried to add ${key} to a built-in object; built-ins are read-only in the sandbox`
		return `tried to ${verb} ${target}; ${readOnlyReason(target!)}`
	}
	if (/^Cannot set property [^]{1,200} of [^]{0,300} which has only a getter$/.test(message)) return null
	if (/^#<\w+> is not extensible$/.test(message)) return 'tried to change the prototype of a built-in object; built-ins are read-only in the sandbox'
	return null
}
