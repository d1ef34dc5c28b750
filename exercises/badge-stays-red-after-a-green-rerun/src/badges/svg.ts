export type BadgeStyle = 'flat' | 'plastic'

export const BADGE_STYLES: readonly BadgeStyle[] = ['flat', 'plastic']

const COLORS = { passing: '#2ea44f', failing: '#cf222e', unknown: '#8c959f' } as const

export type BadgeState = keyof typeof COLORS

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** A two-part status badge: "build | passing". Widths are approximated from the text length. */
export function renderBadge(label: string, state: BadgeState, style: BadgeStyle): string {
  const leftWidth = 6 * label.length + 10
  const rightWidth = 6 * state.length + 10
  const radius = style === 'flat' ? 3 : 4
  const gloss = style === 'plastic' ? '<linearGradient id="g" x2="0" y2="100%"><stop offset="0" stop-opacity=".15"/></linearGradient>' : ''
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${leftWidth + rightWidth}" height="20" data-state="${state}">`,
    gloss,
    `<rect rx="${radius}" width="${leftWidth}" height="20" fill="#555"/>`,
    `<rect rx="${radius}" x="${leftWidth}" width="${rightWidth}" height="20" fill="${COLORS[state]}"/>`,
    `<text x="5" y="14">${escapeXml(label)}</text><text x="${leftWidth + 5}" y="14">${state}</text>`,
    '</svg>',
  ].join('')
}
