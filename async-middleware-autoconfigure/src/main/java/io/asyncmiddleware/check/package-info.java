/**
 * Django's deploy check ({@code manage.py check --deploy}): findings about insecure
 * settings, reported at startup.
 */
package io.asyncmiddleware.check;
