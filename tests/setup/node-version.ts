import { assertSupportedNode } from '#server/node-version.ts'

assertSupportedNode('The test suite')
