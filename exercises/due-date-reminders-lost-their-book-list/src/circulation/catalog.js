/** @typedef {{ id: string, title: string, author: string | null, format: 'book' | 'audiobook' | 'dvd' | 'e-reader' }} Item */

const FORMAT_LABELS = {
  en: { book: 'book', audiobook: 'audiobook', dvd: 'DVD', 'e-reader': 'e-reader' },
  nb: { book: 'bok', audiobook: 'lydbok', dvd: 'DVD', 'e-reader': 'lesebrett' },
}

export class Catalog {
  /** @type {Map<string, Item>} */
  #items = new Map()

  /** @param {Item[]} items */
  constructor(items) {
    for (const item of items) {
      if (!/^[A-Z]{2}\d{6}$/.test(item.id)) throw new Error(`invalid item id ${item.id}`)
      this.#items.set(item.id, { ...item })
    }
  }

  /** @param {string} id */
  get(id) {
    const item = this.#items.get(id)
    if (!item) throw new Error(`no item ${id} in the catalogue`)
    return item
  }

  /** @param {'en' | 'nb'} language @param {Item['format']} format */
  static formatLabel(language, format) {
    return FORMAT_LABELS[language][format]
  }
}
