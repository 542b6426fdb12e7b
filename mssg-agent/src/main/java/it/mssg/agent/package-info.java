/** The reply agent: a local knowledge base, semantic matching, safety gates and anonymous health counters. */
package it.mssg.agent;
