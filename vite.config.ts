import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'

export default defineConfig({
	plugins: [tailwindcss(), reactRouter()],
	server: { hmr: { port: 24678 } },
	build: { sourcemap: false },
	// Monaco is reached only through a lazy import; pre-bundling it up front spares the dev
	// server a slow discovery and a full page reload the first time the editor opens.
	optimizeDeps: { include: ['monaco-editor', '@monaco-editor/react'] },
})
