export const SORT_OPTIONS = ['newest', 'price-asc', 'price-desc', 'largest'];

function newestFirst(a, b) {
  if (a.listedOn !== b.listedOn) return a.listedOn < b.listedOn ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function ascendingBy(read) {
  return (a, b) => read(a) - read(b);
}

function descendingBy(read) {
  return (a, b) => read(b) - read(a);
}

/** Compares by `first`, and by `then` when `first` cannot tell the two apart. */
function thenBy(first, then) {
  return (a, b) => first(a, b) || then(a, b);
}

const COMPARATORS = {
  newest: newestFirst,
  'price-asc': thenBy(ascendingBy((listing) => listing.price), newestFirst),
  'price-desc': thenBy(descendingBy((listing) => listing.price), newestFirst),
  largest: thenBy(descendingBy((listing) => listing.areaM2), newestFirst),
};

export function comparatorFor(sort) {
  const comparator = COMPARATORS[sort];
  if (!comparator) throw new RangeError(`sort must be one of ${SORT_OPTIONS.join(', ')}, got "${sort}"`);
  return comparator;
}
