export const SORT_OPTIONS = ['newest', 'price-asc', 'price-desc', 'largest'];

function newestFirst(a, b) {
  if (a.listedOn !== b.listedOn) return a.listedOn < b.listedOn ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// A sort comparator must be consistent: a listing without the value (a price on request)
// cannot be subtracted, so it is placed after every listing that has one, in both
// directions, and two listings without it are left to the next comparator.
function byValue(read, direction) {
  return (a, b) => {
    const x = read(a);
    const y = read(b);
    if (x === undefined || y === undefined) return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0);
    return direction * (x - y);
  };
}

function ascendingBy(read) {
  return byValue(read, 1);
}

function descendingBy(read) {
  return byValue(read, -1);
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
