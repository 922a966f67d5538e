package dev.taskforce.responses;

import dev.taskforce.model.ModelCatalog;
import dev.taskforce.model.ModelInfo;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a model's catalog entry from the id a Responses service uses: OpenAI names GPT-5.4 Pro
 * {@code gpt-5.4-pro} (and dated snapshots {@code gpt-5.4-pro-2026-03-05}), the catalog {@code
 * openai/gpt-5.4-pro}; OpenRouter's ids are the catalog's own.
 */
final class ModelIds {

  private static final Pattern DATE_SUFFIX = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8})$");

  private ModelIds() {}

  /** The entry for an id: as it is, else with {@code openai/} in front, else without a date. */
  static Optional<ModelInfo> find(ModelCatalog catalog, String id) {
    Optional<ModelInfo> found = catalog.find(id);
    if (found.isPresent()) {
      return found;
    }
    String qualified = id.contains("/") ? id : "openai/" + id;
    found = catalog.find(qualified);
    if (found.isPresent()) {
      return found;
    }
    String undated = DATE_SUFFIX.matcher(qualified).replaceFirst("");
    return undated.equals(qualified) ? Optional.empty() : catalog.find(undated);
  }

  /** The entry for a model, under the model's own id; unknown when the catalog lacks it. */
  static ModelInfo info(ModelCatalog catalog, String id) {
    return find(catalog, id)
        .map(
            i ->
                new ModelInfo(
                    id,
                    i.contextLength(),
                    i.maxOutputTokens(),
                    i.pricing(),
                    i.reasoningEfforts(),
                    i.supportsJsonSchema()))
        .orElseGet(() -> ModelInfo.unknown(id));
  }
}
