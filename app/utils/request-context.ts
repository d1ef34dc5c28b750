import { createContext, type RouterContext } from 'react-router'

// The Express server (run by tsx) and the React Router build (bundled by Vite) each load
// their own copy of this module; contexts match by identity, so the key lives on globalThis.
const globalForContext = globalThis as typeof globalThis & { __hardmodeCspNonceContext?: RouterContext<string> }

/** The per-request nonce that the Content-Security-Policy allows inline scripts with. */
export const cspNonceContext = (globalForContext.__hardmodeCspNonceContext ??= createContext<string>(''))

const globalForAssets = globalThis as typeof globalThis & { __hardmodeEditorAssetsContext?: RouterContext<readonly string[]> }

/**
 * The client build's scripts the code editor needs (its chunk and the chunks it imports),
 * as URLs: the workspace asks the browser to fetch them while the page is still loading
 * (`build/editor-assets.json`, written by vite.config.ts; empty in development).
 */
export const editorAssetsContext = (globalForAssets.__hardmodeEditorAssetsContext ??= createContext<readonly string[]>([]))
