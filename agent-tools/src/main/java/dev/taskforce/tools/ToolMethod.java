package dev.taskforce.tools;

import dev.taskforce.internal.Validation;
import dev.taskforce.schema.JsonSchema;
import dev.taskforce.schema.JsonSchemas;
import dev.taskforce.schema.SchemaProperty;
import jakarta.validation.Constraint;
import jakarta.validation.ValidationException;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Tool} method, parsed and checked once: its name, description, timeout, parameters and
 * strict argument schema. Immutable; shared by every object of the class.
 */
final class ToolMethod {

  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

  final Method method;
  final String name;
  final String description;
  final @Nullable Duration timeout;
  final List<ToolParameter> parameters;
  final @Nullable String[] argumentNames;
  final JsonSchema schema;
  final ArgumentsCheck check;

  /** Whether the method declares parameter constraints for the validator. */
  final boolean constrained;

  private ToolMethod(Method method, Tool tool) {
    this.method = method;
    this.name = tool.name().isEmpty() ? method.getName() : tool.name();
    if (!NAME.matcher(name).matches()) {
      throw error("tool name \"" + name + "\" must match ^[a-zA-Z0-9_-]{1,64}$");
    }
    this.description = tool.value();
    if (tool.timeoutMillis() < 0) {
      throw error("@Tool(timeoutMillis) must not be negative, was " + tool.timeoutMillis());
    }
    this.timeout = tool.timeoutMillis() == 0 ? null : Duration.ofMillis(tool.timeoutMillis());
    checkCallable();
    List<ToolParameter> params = new ArrayList<>();
    List<SchemaProperty> properties = new ArrayList<>();
    this.argumentNames = new String[method.getParameterCount()];
    Parameter[] declared = method.getParameters();
    for (int i = 0; i < declared.length; i++) {
      ToolParameter p = parameter(declared[i]);
      params.add(p);
      if (p instanceof ToolParameter.ModelArgument a) {
        argumentNames[i] = a.name();
        Param param = declared[i].getAnnotation(Param.class);
        properties.add(
            new SchemaProperty(
                a.name(),
                a.type(),
                param == null ? "" : param.value(),
                a.nullable(),
                List.of(declared[i].getAnnotations())));
      }
    }
    this.parameters = List.copyOf(params);
    try {
      this.schema = JsonSchemas.strictObjectOf(properties);
    } catch (IllegalArgumentException e) {
      throw error("its parameters cannot be described for the model: " + e.getMessage());
    }
    if (!JsonSchemas.checkStrict(schema).isEmpty()) {
      throw error("its argument schema is not strict: " + JsonSchemas.checkStrict(schema));
    }
    this.check = new ArgumentsCheck(schema.node());
    this.constrained = ConstraintCheck.declaresConstraints(method);
  }

  static ToolMethod parse(Method method) {
    return new ToolMethod(method, method.getAnnotation(Tool.class));
  }

  private void checkCallable() {
    if (!Modifier.isPublic(method.getModifiers())) {
      throw error("@Tool method must be public");
    }
    if (!method.trySetAccessible()) {
      throw error(
          "cannot call the method: make its class public, or open its package to agent-tools");
    }
    Class<?> returns = method.getReturnType();
    if (Future.class.isAssignableFrom(returns) || CompletionStage.class.isAssignableFrom(returns)) {
      throw error("@Tool methods run on their own thread; return the value, not a future");
    }
    try {
      Validation.validator().getConstraintsForClass(method.getDeclaringClass());
    } catch (ValidationException e) {
      throw error("its Jakarta constraints are invalid: " + e.getMessage());
    }
  }

  private ToolParameter parameter(Parameter p) {
    Param param = p.getAnnotation(Param.class);
    boolean markedNullable = isMarkedNullable(p);
    if (param == null) {
      for (ArgumentResolver resolver : ArgumentResolver.ALL) {
        if (resolver.supports(p)) {
          return new ToolParameter.Injected(p, resolver, markedNullable);
        }
      }
      throw error(
          "parameter "
              + p.getName()
              + " has no @Param: add @Param(\"what it means\") so the model can set it (only"
              + " ToolContext, CancellationToken and application values from the ToolContext are"
              + " injected without @Param)");
    }
    for (ArgumentResolver resolver : ArgumentResolver.ALL) {
      if (resolver instanceof ArgumentResolver.Fixed && resolver.supports(p)) {
        throw error("parameter " + p.getName() + " is injected; remove its @Param");
      }
    }
    String argName = param.name().isEmpty() ? p.getName() : param.name();
    if (param.name().isEmpty() && !p.isNamePresent()) {
      throw error(
          "parameter names are not in the class file: compile with -parameters or set @Param(name"
              + " = ...)");
    }
    Type type = p.getParameterizedType();
    checkRepresentable(type, p);
    if (Modifier.isStatic(method.getModifiers()) && hasConstraints(p.getAnnotatedType(), p)) {
      throw error(
          "parameter "
              + p.getName()
              + " of a static @Tool method has Jakarta constraints, which Jakarta Validation"
              + " does not check on static methods: make the method an instance method, or move"
              + " the constraints into a record parameter");
    }
    boolean isOptional = p.getType() == Optional.class;
    if (param.optional() && p.getType().isPrimitive()) {
      throw error(
          "parameter " + p.getName() + " is optional but primitive; use " + boxed(p.getType()));
    }
    return new ToolParameter.ModelArgument(
        argName, type, isOptional || param.optional() || markedNullable, isOptional);
  }

  private void checkRepresentable(Type type, Parameter p) {
    if (type instanceof TypeVariable<?> || type instanceof WildcardType) {
      throw error(
          "parameter "
              + p.getName()
              + " has type "
              + type.getTypeName()
              + ", which has no JSON schema; use a concrete type");
    }
    if (type instanceof ParameterizedType pt) {
      for (Type arg : pt.getActualTypeArguments()) {
        checkRepresentable(arg, p);
      }
    } else if (type instanceof GenericArrayType g) {
      checkRepresentable(g.getGenericComponentType(), p);
    } else if (type == Object.class) {
      throw error("parameter " + p.getName() + " has type Object, which has no strict schema");
    }
  }

  /** Whether a parameter or any type argument inside its type carries a Jakarta constraint. */
  private static boolean hasConstraints(AnnotatedType type, @Nullable Parameter p) {
    List<java.lang.annotation.Annotation> annotations =
        new ArrayList<>(List.of(type.getAnnotations()));
    if (p != null) {
      annotations.addAll(List.of(p.getAnnotations()));
    }
    for (java.lang.annotation.Annotation a : annotations) {
      if (a.annotationType().isAnnotationPresent(Constraint.class)) {
        return true;
      }
    }
    if (type instanceof AnnotatedParameterizedType pt) {
      for (AnnotatedType arg : pt.getAnnotatedActualTypeArguments()) {
        if (hasConstraints(arg, null)) {
          return true;
        }
      }
    } else if (type instanceof AnnotatedArrayType at) {
      return hasConstraints(at.getAnnotatedGenericComponentType(), null);
    }
    return false;
  }

  private static boolean isMarkedNullable(Parameter p) {
    for (java.lang.annotation.Annotation a : p.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    for (java.lang.annotation.Annotation a : p.getAnnotatedType().getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  private static String boxed(Class<?> primitive) {
    return primitive == int.class
        ? "Integer"
        : primitive == char.class
            ? "Character"
            : Character.toUpperCase(primitive.getName().charAt(0))
                + primitive.getName().substring(1);
  }

  /** Where this tool is: {@code OrderTools.find}. */
  String where() {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }

  IllegalArgumentException error(String message) {
    return new IllegalArgumentException(
        message
            + "\n    for method "
            + method.getDeclaringClass().getName()
            + "."
            + method.getName());
  }
}
