/**
 * Who signs in to the service and which returnkit actor they are: configured users and roles
 * ({@link dev.returnkit.service.security.ServiceUsers}), HTTP Basic on the API, and the actor
 * taken from the signed-in user ({@link dev.returnkit.service.security.CurrentActor}).
 */
package dev.returnkit.service.security;
