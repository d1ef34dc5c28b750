/**
 * @typedef {{ id: string, name: string, company: string, role: 'employee' | 'travel-admin' }} Person
 */

/** Everyone who can sign in to the travel tool, across all customer companies. */
export class Directory {
  #people = new Map();

  add(person) {
    if (!/^u-[a-z0-9-]+$/.test(person.id)) throw new Error(`bad person id ${person.id}`);
    if (!['employee', 'travel-admin'].includes(person.role)) throw new Error(`bad role ${person.role}`);
    this.#people.set(person.id, { ...person });
  }

  /** @returns {Person | undefined} */
  get(id) {
    const person = this.#people.get(id);
    return person ? { ...person } : undefined;
  }

  sameCompany(a, b) {
    const first = this.#people.get(a);
    const second = this.#people.get(b);
    return first !== undefined && second !== undefined && first.company === second.company;
  }
}
