/** Helpers shared inside the store module; not API. */
package io.graphstore.store.internal;
