/**
 * The catalogue's document database (in memory here). Documents are stored as JSON text,
 * exactly as each writer sent them: the web app, the staff desk and the self-service kiosks
 * all write loans here.
 */
export class DocumentStore {
  private readonly collections = new Map<string, Map<string, string>>();

  put(collection: string, id: string, json: string): void {
    JSON.parse(json); // refuse text that is not JSON at all
    this.collection(collection).set(id, json);
  }

  get(collection: string, id: string): string | undefined {
    return this.collection(collection).get(id);
  }

  /** Every document of a collection, in insertion order. */
  all(collection: string): string[] {
    return [...this.collection(collection).values()];
  }

  private collection(name: string): Map<string, string> {
    let documents = this.collections.get(name);
    if (!documents) {
      documents = new Map();
      this.collections.set(name, documents);
    }
    return documents;
  }
}
