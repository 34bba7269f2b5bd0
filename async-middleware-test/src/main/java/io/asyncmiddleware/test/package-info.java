/**
 * Test support for applications using the middleware stack: {@code WebTestClient}
 * mutators and a build gate against blocking entries.
 */
package io.asyncmiddleware.test;
