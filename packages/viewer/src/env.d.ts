// The viewer runs in a browser. This reference makes the DOM types available
// to the viewer's sources also when they are typechecked as part of the
// workspace's root tsconfig (whose lib is ES only).
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
