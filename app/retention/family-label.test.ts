import { expect, test } from 'vitest'
import { familyLabel } from './family-label.ts'

test('reads a family id as words', () => {
	expect(familyLabel('check-then-act-race')).toBe('Check then act race')
	expect(familyLabel('n-plus-one-calls')).toBe('N plus one calls')
	expect(familyLabel('')).toBe('')
})
