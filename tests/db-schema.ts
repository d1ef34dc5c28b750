import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'

// What the drift test (app/utils/db-schema.db.test.ts) compares: the database structure
// schema.prisma implies, read with Prisma's own schema parser, against the structure of a
// migrated database, read from the PostgreSQL catalogue.

/** One database's structure, in the terms PostgreSQL reports it. */
export interface DatabaseStructure {
	enums: Map<string, string[]>
	tables: Map<string, TableStructure>
}

interface TableStructure {
	columns: Map<string, { type: string; nullable: boolean; default: ColumnDefault }>
	indexes: Map<string, { primary: boolean; unique: boolean; method: string; columns: string[]; partial: boolean }>
	foreignKeys: Map<string, { columns: string[]; referencedTable: string; referencedColumns: string[]; onDelete: string; onUpdate: string }>
}

/** null: no default; ANY_DEFAULT: some default whose exact text we do not predict. */
type ColumnDefault = string | null | typeof ANY_DEFAULT
const ANY_DEFAULT = Symbol('some default')

// ---------------------------------------------------------------------------------------
// Prisma's schema parser: @prisma/prisma-schema-wasm, shipped inside the `prisma` package
// (build/prisma_schema_build_bg.wasm) but not as a module we can import, so this is the
// few lines of wasm-bindgen glue its get_dmmf export needs.

export interface Dmmf {
	datamodel: {
		enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[]
		models: DmmfModel[]
		indexes: DmmfIndex[]
	}
}
interface DmmfModel {
	name: string
	dbName: string | null
	fields: DmmfField[]
}
interface DmmfField {
	name: string
	dbName?: string | null
	kind: 'scalar' | 'object' | 'enum' | 'unsupported'
	type: string
	isList: boolean
	isRequired: boolean
	isUpdatedAt: boolean
	nativeType: [string, string[]] | null
	default?: unknown
	relationFromFields?: string[]
	relationToFields?: string[]
	relationOnDelete?: string
	relationOnUpdate?: string
}
interface DmmfIndex {
	model: string
	type: 'id' | 'unique' | 'normal' | 'fulltext'
	dbName?: string
	algorithm?: string
	fields: { name: string; sortOrder?: 'asc' | 'desc' }[]
}

interface SchemaWasm {
	memory: WebAssembly.Memory
	get_dmmf(ptr: number, len: number): [number, number, number, number]
	__wbindgen_malloc(size: number, align: number): number
	__wbindgen_free(ptr: number, len: number, align: number): void
	__wbindgen_externrefs: WebAssembly.Table
	__externref_table_dealloc(index: number): void
	__wbindgen_start(): void
}

let schemaWasm: SchemaWasm | undefined

function loadSchemaWasm(): SchemaWasm {
	if (schemaWasm) return schemaWasm
	const require = createRequire(import.meta.url)
	const file = path.join(path.dirname(require.resolve('prisma/package.json')), 'build/prisma_schema_build_bg.wasm')
	const decoder = new TextDecoder('utf-8', { fatal: true })
	const text = (ptr: number, len: number) => decoder.decode(new Uint8Array(wasm.memory.buffer, ptr >>> 0, len))
	const imports = {
		__wbindgen_placeholder__: {
			__wbg_set_message_f22ac4a6869ee695: () => {}, // panic message registry: the thrown error says enough
			__wbg_Error_e83987f665cf5504: (ptr: number, len: number) => new Error(text(ptr, len)),
			__wbg___wbindgen_throw_b855445ff6a94295: (ptr: number, len: number) => {
				throw new Error(text(ptr, len))
			},
			__wbindgen_init_externref_table: () => {
				const table = wasm.__wbindgen_externrefs
				const offset = table.grow(4)
				table.set(0, undefined)
				table.set(offset + 0, undefined)
				table.set(offset + 1, null)
				table.set(offset + 2, true)
				table.set(offset + 3, false)
			},
		},
	}
	const wasm = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(file)), imports).exports as unknown as SchemaWasm
	wasm.__wbindgen_start()
	schemaWasm = wasm
	return wasm
}

/** Parses and validates a Prisma schema with Prisma's own parser; throws its error message if invalid. */
export function getDmmf(schema: string): Dmmf {
	const wasm = loadSchemaWasm()
	const input = new TextEncoder().encode(JSON.stringify({ prismaSchema: schema, noColor: true }))
	const ptr = wasm.__wbindgen_malloc(input.length, 1) >>> 0
	new Uint8Array(wasm.memory.buffer).set(input, ptr)
	const [outPtr, outLen, errorIndex, failed] = wasm.get_dmmf(ptr, input.length)
	if (failed) {
		const error = wasm.__wbindgen_externrefs.get(errorIndex) as Error
		wasm.__externref_table_dealloc(errorIndex)
		throw error
	}
	try {
		return JSON.parse(new TextDecoder().decode(new Uint8Array(wasm.memory.buffer, outPtr >>> 0, outLen))) as Dmmf
	} finally {
		wasm.__wbindgen_free(outPtr, outLen, 1)
	}
}

// ---------------------------------------------------------------------------------------
// What the schema implies, following Prisma's PostgreSQL conventions.

const SCALAR_TYPES: Record<string, string> = {
	String: 'text',
	Int: 'integer',
	BigInt: 'bigint',
	Float: 'double precision',
	Decimal: 'numeric(65,30)',
	Boolean: 'boolean',
	DateTime: 'timestamp(3) without time zone',
	Json: 'jsonb',
	Bytes: 'bytea',
}

function nativeTypeName([name, args]: [string, string[]]): string {
	const precision = (fallback?: number) => (args.length ? `(${args.join(',')})` : fallback === undefined ? '' : `(${fallback})`)
	const types: Record<string, () => string> = {
		Text: () => 'text',
		VarChar: () => `character varying${precision()}`,
		Char: () => `character${precision(1)}`,
		Uuid: () => 'uuid',
		Citext: () => 'citext',
		Inet: () => 'inet',
		Xml: () => 'xml',
		Integer: () => 'integer',
		SmallInt: () => 'smallint',
		BigInt: () => 'bigint',
		Oid: () => 'oid',
		Real: () => 'real',
		DoublePrecision: () => 'double precision',
		Decimal: () => `numeric${precision()}`,
		Money: () => 'money',
		Boolean: () => 'boolean',
		Date: () => 'date',
		Timestamp: () => `timestamp${precision(3)} without time zone`,
		Timestamptz: () => `timestamp${precision(3)} with time zone`,
		Time: () => `time${precision(3)} without time zone`,
		Timetz: () => `time${precision(3)} with time zone`,
		Json: () => 'json',
		JsonB: () => 'jsonb',
		ByteA: () => 'bytea',
		Bit: () => `bit${precision(1)}`,
		VarBit: () => `bit varying${precision()}`,
	}
	const type = types[name]
	if (!type) throw new Error(`The drift test does not know the native type @db.${name}: add it to nativeTypeName() in tests/db-schema.ts.`)
	return type()
}

/** The database structure that schema.prisma (as text) says the migrations must produce. */
export function expectedStructure(schema: string): DatabaseStructure {
	const { datamodel } = getDmmf(schema)
	const enumNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]))
	const models = new Map(datamodel.models.map((model) => [model.name, model]))
	const tableName = (model: DmmfModel) => model.dbName ?? model.name
	const columnName = (model: DmmfModel, fieldName: string) => {
		const field = model.fields.find((candidate) => candidate.name === fieldName)
		if (!field) throw new Error(`${model.name} has no field ${fieldName}`)
		return field.dbName ?? field.name
	}

	const structure: DatabaseStructure = {
		enums: new Map(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((value) => value.dbName ?? value.name)])),
		tables: new Map(),
	}

	for (const model of datamodel.models) {
		const table: TableStructure = { columns: new Map(), indexes: new Map(), foreignKeys: new Map() }
		const name = tableName(model)
		structure.tables.set(name, table)

		for (const field of model.fields) {
			if (field.kind === 'object') continue
			if (field.kind === 'unsupported') throw new Error(`${model.name}.${field.name}: Unsupported() types are not checked by the drift test.`)
			const base =
				field.kind === 'enum' ? quoteIdent(enumNames.get(field.type)!) : field.nativeType ? nativeTypeName(field.nativeType) : SCALAR_TYPES[field.type]
			if (!base) throw new Error(`${model.name}.${field.name}: unknown scalar type ${field.type}`)
			table.columns.set(field.dbName ?? field.name, {
				type: field.isList ? `${base}[]` : base,
				nullable: !field.isRequired && !field.isList,
				default: expectedDefault(field, base, datamodel.enums),
			})
		}

		for (const index of datamodel.indexes.filter((candidate) => candidate.model === model.name)) {
			const columns = index.fields.map((field) => columnName(model, field.name))
			const suffix = { id: 'pkey', unique: 'key', normal: 'idx', fulltext: 'idx' }[index.type]
			const indexName = index.dbName ?? constraintName(index.type === 'id' ? [name] : [name, ...columns], suffix)
			table.indexes.set(indexName, {
				primary: index.type === 'id',
				unique: index.type !== 'normal' && index.type !== 'fulltext',
				method: (index.algorithm ?? 'BTree').toLowerCase(),
				columns: index.fields.map((field, i) => columns[i] + (field.sortOrder === 'desc' ? ' DESC' : '')),
				partial: false,
			})
		}

		for (const field of model.fields) {
			if (field.kind !== 'object' || !field.relationFromFields?.length) continue
			const columns = field.relationFromFields.map((fieldName) => columnName(model, fieldName))
			const target = models.get(field.type)!
			// Prisma's defaults: a required relation restricts deletes, an optional one sets null.
			const onDelete = field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull')
			table.foreignKeys.set(constraintName([name, ...columns], 'fkey'), {
				columns,
				referencedTable: tableName(target),
				referencedColumns: (field.relationToFields ?? []).map((fieldName) => columnName(target, fieldName)),
				onDelete: referentialAction(onDelete),
				onUpdate: referentialAction(field.relationOnUpdate ?? 'Cascade'),
			})
		}
	}
	return structure
}

function expectedDefault(field: DmmfField, type: string, enums: Dmmf['datamodel']['enums']): ColumnDefault {
	if (field.default === undefined) return null
	const value = field.default
	if (typeof value === 'object' && value !== null && 'name' in value) {
		const fn = (value as { name: string }).name
		// Generated by Prisma Client, not by the database.
		if (['cuid', 'uuid', 'nanoid', 'ulid'].includes(fn)) return null
		if (fn === 'now') return 'CURRENT_TIMESTAMP'
		return ANY_DEFAULT // autoincrement(), dbgenerated(…), sequence(): the text is PostgreSQL's
	}
	if (field.isList) return ANY_DEFAULT
	if (field.kind === 'enum') {
		const dbValue = enums.find((e) => e.name === field.type)!.values.find((v) => v.name === value)!
		return `${quoteLiteral(dbValue.dbName ?? dbValue.name)}::${type}`
	}
	if (typeof value === 'boolean') return String(value)
	if (typeof value === 'string' && type === 'text') return `${quoteLiteral(value)}::text`
	if (typeof value === 'number' && type === 'integer' && value >= 0) return String(value)
	return ANY_DEFAULT
}

function referentialAction(action: string) {
	const actions: Record<string, string> = { Cascade: 'CASCADE', Restrict: 'RESTRICT', NoAction: 'NO ACTION', SetNull: 'SET NULL', SetDefault: 'SET DEFAULT' }
	return actions[action] ?? action
}

// Prisma's default constraint names, cut to PostgreSQL's 63-byte identifier limit.
function constraintName(parts: string[], suffix: string) {
	return `${parts.join('_')}_${suffix}`.slice(0, 63)
}

function quoteIdent(name: string) {
	return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`
}

function quoteLiteral(value: string) {
	return `'${value.replaceAll("'", "''")}'`
}

// ---------------------------------------------------------------------------------------
// What the database has, from the catalogue of the current schema.

/** Runs one read-only query and returns its rows, e.g. (sql) => prisma.$queryRawUnsafe(sql). */
export type QueryRows = (sql: string) => Promise<unknown>

const CONF_ACTIONS: Record<string, string> = { c: 'CASCADE', r: 'RESTRICT', a: 'NO ACTION', n: 'SET NULL', d: 'SET DEFAULT' }

export async function readStructure(query: QueryRows): Promise<DatabaseStructure> {
	const rows = async <T>(sql: string) => (await query(sql)) as T[]
	const structure: DatabaseStructure = { enums: new Map(), tables: new Map() }
	const table = (name: string) => {
		let found = structure.tables.get(name)
		if (!found) structure.tables.set(name, (found = { columns: new Map(), indexes: new Map(), foreignKeys: new Map() }))
		return found
	}
	const inSchema = (alias: string) => `${alias}.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`
	const notMigrationsTable = (alias: string) => `${alias}.relname <> '_prisma_migrations'`

	for (const row of await rows<{ name: string; labels: string[] }>(`
		SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
		FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
		WHERE t.typnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
		GROUP BY t.typname`)) {
		structure.enums.set(row.name, row.labels)
	}

	for (const row of await rows<{ table: string; column: string; type: string; nullable: boolean; default: string | null }>(`
		SELECT c.relname::text AS "table", a.attname::text AS "column", format_type(a.atttypid, a.atttypmod) AS "type",
		       NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS "default"
		FROM pg_attribute a
		JOIN pg_class c ON c.oid = a.attrelid
		LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
		WHERE ${inSchema('c')} AND ${notMigrationsTable('c')} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
		ORDER BY c.relname, a.attnum`)) {
		table(row.table).columns.set(row.column, { type: row.type, nullable: row.nullable, default: row.default })
	}

	for (const row of await rows<{ table: string; name: string; primary: boolean; unique: boolean; method: string; columns: string[]; partial: boolean }>(`
		SELECT t.relname::text AS "table", i.relname::text AS name, x.indisprimary AS "primary", x.indisunique AS "unique",
		       am.amname::text AS method, x.indpred IS NOT NULL AS partial,
		       (SELECT array_agg(coalesce(a.attname::text, '(expression)') || CASE WHEN k.option & 1 = 1 THEN ' DESC' ELSE '' END ORDER BY k.ord)
		        FROM unnest(x.indkey::int2[], x.indoption::int2[]) WITH ORDINALITY AS k(attnum, option, ord)
		        LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum) AS columns
		FROM pg_index x
		JOIN pg_class i ON i.oid = x.indexrelid
		JOIN pg_class t ON t.oid = x.indrelid
		JOIN pg_am am ON am.oid = i.relam
		WHERE ${inSchema('t')} AND ${notMigrationsTable('t')}`)) {
		const { table: tableName, name, ...index } = row
		table(tableName).indexes.set(name, index)
	}

	for (const row of await rows<{
		table: string
		name: string
		columns: string[]
		referencedTable: string
		referencedColumns: string[]
		onDelete: string
		onUpdate: string
	}>(`
		SELECT t.relname::text AS "table", c.conname::text AS name, r.relname::text AS "referencedTable",
		       (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
		        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
		       (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
		        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS "referencedColumns",
		       c.confdeltype::text AS "onDelete", c.confupdtype::text AS "onUpdate"
		FROM pg_constraint c
		JOIN pg_class t ON t.oid = c.conrelid
		JOIN pg_class r ON r.oid = c.confrelid
		WHERE c.contype = 'f' AND ${inSchema('t')}`)) {
		const { table: tableName, name, onDelete, onUpdate, ...foreignKey } = row
		table(tableName).foreignKeys.set(name, { ...foreignKey, onDelete: CONF_ACTIONS[onDelete] ?? onDelete, onUpdate: CONF_ACTIONS[onUpdate] ?? onUpdate })
	}
	return structure
}

// ---------------------------------------------------------------------------------------

/** Every difference between the structure schema.prisma implies and the database's, in words. */
export function compareStructures(expected: DatabaseStructure, actual: DatabaseStructure): string[] {
	const differences: string[] = []
	const both = <T>(a: Map<string, T>, b: Map<string, T>, label: (name: string) => string, compare: (at: string, x: T, y: T, name: string) => void) => {
		for (const [name, x] of a) {
			const y = b.get(name)
			if (y === undefined) differences.push(`${label(name)} is in schema.prisma but not in the database`)
			else compare(label(name), x, y, name)
		}
		for (const name of b.keys()) if (!a.has(name)) differences.push(`${label(name)} is in the database but not in schema.prisma`)
	}
	const same = (x: unknown, y: unknown) => isDeepStrictEqual(x, y)
	const show = (value: object) => JSON.stringify(value, Object.keys(value).sort())
	const describeDefault = (value: ColumnDefault) => (value === null ? 'no default' : value === ANY_DEFAULT ? 'a default' : `default ${value}`)

	both(
		expected.enums,
		actual.enums,
		(name) => `enum ${name}`,
		(at, x, y) => {
			if (!same(x, y)) differences.push(`${at}: values ${y.join(', ')} in the database, ${x.join(', ')} in schema.prisma`)
		},
	)
	both(
		expected.tables,
		actual.tables,
		(name) => `table ${name}`,
		(_at, x, y, tableName) => {
			both(
				x.columns,
				y.columns,
				(name) => `column ${tableName}.${name}`,
				(at, a, b) => {
					if (a.type !== b.type) differences.push(`${at}: type ${b.type} in the database, ${a.type} in schema.prisma`)
					if (a.nullable !== b.nullable) {
						differences.push(`${at}: ${b.nullable ? 'nullable' : 'NOT NULL'} in the database, ${a.nullable ? 'optional' : 'required'} in schema.prisma`)
					}
					if (a.default === ANY_DEFAULT ? b.default === null : a.default !== b.default) {
						differences.push(`${at}: ${describeDefault(b.default)} in the database, ${describeDefault(a.default)} in schema.prisma`)
					}
				},
			)
			both(
				x.indexes,
				y.indexes,
				(name) => `index ${tableName}.${name}`,
				(at, a, b) => {
					if (!same(a, b)) differences.push(`${at}: ${show(b)} in the database, ${show(a)} in schema.prisma`)
				},
			)
			both(
				x.foreignKeys,
				y.foreignKeys,
				(name) => `foreign key ${tableName}.${name}`,
				(at, a, b) => {
					if (!same(a, b)) differences.push(`${at}: ${show(b)} in the database, ${show(a)} in schema.prisma`)
				},
			)
		},
	)
	return differences
}
