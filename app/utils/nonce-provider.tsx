import { createContext, useContext } from 'react'

const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

/**
 * The CSP nonce: from the request on the server; in the browser, read back from the page's
 * own scripts (the attribute reads as empty there, the property keeps it), so elements that
 * carry it hydrate with the same value the server rendered.
 */
export function useNonce() {
	const nonce = useContext(NonceContext)
	if (nonce || typeof document === 'undefined') return nonce
	return document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? ''
}
