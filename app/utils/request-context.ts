import { createContext } from 'react-router'

/** The per-request nonce that the Content-Security-Policy allows inline scripts with. */
export const cspNonceContext = createContext<string>('')
