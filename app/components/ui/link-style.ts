// The one look of a link in text, lists and tables: the brand colour, always underlined, so
// colour is never the only thing that tells a link from the text around it.
export const linkClass = 'text-brand-700 underline underline-offset-2 dark:text-brand-100'
