/**
 * Additions to Reactor Netty's HTTP server that the starter installs on the embedded
 * server.
 */
package io.asyncmiddleware.netty;
