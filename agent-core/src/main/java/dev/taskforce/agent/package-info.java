/**
 * Agents: one model, instructions, tools and an optional typed answer, run in a loop.
 *
 * <p>{@link dev.taskforce.agent.Agent} is the front door:
 *
 * <pre>{@code
 * Agent triage = Agent.builder()
 *     .model(OpenRouterModels.gpt54Mini())
 *     .instructions("You triage support tickets.")
 *     .tools(Tools.from(new OrderTools()))
 *     .build();
 * Triage t = triage.run("Customer says order A-1042 never arrived", Triage.class).output();
 * }</pre>
 */
@NullMarked
package dev.taskforce.agent;

import org.jspecify.annotations.NullMarked;
