package io.s3wire.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The API of a built s3wire module as its descriptor declares it: the packages it exports to
 * everyone, and the public and protected types and members in them. Used by the boundary tests of
 * every module (this class ships in core's test jar).
 */
public final class ApiSurface {
  private final ModuleReference module;

  private ApiSurface(ModuleReference module) {
    this.module = module;
  }

  /** The module that holds {@code anyClass}: its build output (directory or jar) read as a module. */
  public static ApiSurface of(Class<?> anyClass) {
    Path location;
    try {
      location = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Set<ModuleReference> found = ModuleFinder.of(location).findAll();
    if (found.size() != 1 || found.iterator().next().descriptor().isAutomatic()) {
      throw new AssertionError(location + " holds no module descriptor (module-info.class)");
    }
    return new ApiSurface(found.iterator().next());
  }

  /** Where the module was read from. */
  public ModuleReference reference() {
    return module;
  }

  /** The module's descriptor. */
  public ModuleDescriptor descriptor() {
    return module.descriptor();
  }

  /** The packages exported to every module (qualified exports are not API). */
  public Set<String> apiPackages() {
    return module.descriptor().exports().stream()
        .filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Every class file's binary name in the module, {@code module-info} left out. */
  public List<String> classNames() {
    try (ModuleReader reader = module.open(); Stream<String> entries = reader.list()) {
      return entries.filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
          .filter(n -> !n.startsWith("META-INF/"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The types a user of the module can name: public (or protected nested) types in API packages. */
  public List<Class<?>> apiTypes() {
    Set<String> api = apiPackages();
    List<Class<?>> types = new ArrayList<>();
    for (String name : classNames()) {
      if (!api.contains(name.substring(0, name.lastIndexOf('.')))) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(name, false, ApiSurface.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
      if (isVisible(type)) {
        types.add(type);
      }
    }
    return types;
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
        return false;
      }
      int m = t.getModifiers();
      boolean reachable = Modifier.isPublic(m) || (t.getEnclosingClass() != null && Modifier.isProtected(m));
      if (!reachable) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code type} is outside s3wire or in one of {@code apiPackages}. */
  public static boolean isApiOrForeign(Class<?> type, Set<String> apiPackages) {
    if (type.isPrimitive()) {
      return true;
    }
    String pkg = type.getPackageName();
    return !(pkg.equals("io.s3wire") || pkg.startsWith("io.s3wire.")) || apiPackages.contains(pkg);
  }

  /**
   * The simple names that more than one top-level type of {@code types} carries, each with the types
   * that carry it. Nested types are left out: their owner qualifies them ({@code TransportException.Kind}).
   */
  public static java.util.Map<String, List<String>> duplicateSimpleNames(List<Class<?>> types) {
    return types.stream()
        .filter(t -> t.getEnclosingClass() == null)
        .collect(Collectors.groupingBy(Class::getSimpleName, java.util.TreeMap::new,
            Collectors.mapping(Class::getName, Collectors.toList())))
        .entrySet().stream()
        .filter(e -> e.getValue().size() > 1)
        .collect(Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue,
            (a, b) -> a, java.util.TreeMap::new));
  }

  /**
   * Where {@code type}'s visible signature names a type that {@code allowed} refuses: its supertypes,
   * type parameters, and its public and protected fields, constructors and methods (parameters,
   * results, exceptions, type arguments). Each finding reads {@code "Owner.member mentions Type"}.
   */
  public static List<String> leaks(Class<?> type, Predicate<Class<?>> allowed) {
    List<String> found = new ArrayList<>();
    String owner = type.getName();
    check(owner + " (supertype)", type.getGenericSuperclass(), allowed, found);
    for (Type t : type.getGenericInterfaces()) {
      check(owner + " (supertype)", t, allowed, found);
    }
    for (TypeVariable<?> v : type.getTypeParameters()) {
      for (Type b : v.getBounds()) {
        check(owner + " (type parameter)", b, allowed, found);
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic()) {
        check(owner + "." + f.getName(), f.getGenericType(), allowed, found);
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (visible(c.getModifiers()) && !c.isSynthetic()) {
        checkExecutable(owner + ".<init>", c, allowed, found);
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        check(owner + "." + m.getName() + "()", m.getGenericReturnType(), allowed, found);
        checkExecutable(owner + "." + m.getName() + "()", m, allowed, found);
      }
    }
    return found;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void checkExecutable(String where, Executable e, Predicate<Class<?>> allowed, List<String> found) {
    for (Type p : e.getGenericParameterTypes()) {
      check(where, p, allowed, found);
    }
    for (Type x : e.getGenericExceptionTypes()) {
      check(where, x, allowed, found);
    }
    for (TypeVariable<?> v : e.getTypeParameters()) {
      for (Type b : v.getBounds()) {
        check(where, b, allowed, found);
      }
    }
  }

  private static void check(String where, Type type, Predicate<Class<?>> allowed, List<String> found) {
    for (Class<?> c : mentioned(type, new HashSet<>())) {
      if (!allowed.test(c)) {
        found.add(where + " mentions " + c.getName());
      }
    }
  }

  private static Set<Class<?>> mentioned(Type type, Set<TypeVariable<?>> seen) {
    Set<Class<?>> out = new HashSet<>();
    if (type instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      out.add(c);
    } else if (type instanceof ParameterizedType p) {
      out.addAll(mentioned(p.getRawType(), seen));
      if (p.getOwnerType() != null) {
        out.addAll(mentioned(p.getOwnerType(), seen));
      }
      for (Type a : p.getActualTypeArguments()) {
        out.addAll(mentioned(a, seen));
      }
    } else if (type instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        out.addAll(mentioned(b, seen));
      }
      for (Type b : w.getLowerBounds()) {
        out.addAll(mentioned(b, seen));
      }
    } else if (type instanceof GenericArrayType g) {
      out.addAll(mentioned(g.getGenericComponentType(), seen));
    } else if (type instanceof TypeVariable<?> v && seen.add(v)) {
      for (Type b : v.getBounds()) {
        out.addAll(mentioned(b, seen));
      }
    }
    return out;
  }
}
