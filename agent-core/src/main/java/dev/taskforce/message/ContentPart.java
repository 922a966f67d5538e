package dev.taskforce.message;

/** One part of a user message: text or an image. */
public sealed interface ContentPart permits TextPart, ImagePart {}
