package io.speedkit.timeit.internal;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Writes a type javac inferred (for {@code var}) or attributed as Java source, so that a setup variable
 * can be declared as a field. Captured wildcards become their bounds ({@code var x = list.get(0)} of a
 * {@code List<? extends Number>} is a {@code Number}); an intersection becomes its first bound; an
 * anonymous class has no name, which is reported, not guessed.
 */
public final class TypeNames {
    private TypeNames() {
    }

    /** The source text of {@code type}, or null when the type cannot be written (an anonymous class). */
    public static String denote(TypeMirror type) {
        return switch (type.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE -> type.getKind().name().toLowerCase(java.util.Locale.ROOT);
            case ARRAY -> {
                String c = denote(((ArrayType) type).getComponentType());
                yield c == null ? null : c + "[]";
            }
            case DECLARED -> declared((DeclaredType) type);
            case TYPEVAR -> denote(((TypeVariable) type).getUpperBound());
            case INTERSECTION -> {
                List<? extends TypeMirror> bounds = ((IntersectionType) type).getBounds();
                yield bounds.isEmpty() ? "java.lang.Object" : denote(bounds.get(0));
            }
            case NULL -> "java.lang.Object";
            default -> null;
        };
    }

    private static String declared(DeclaredType t) {
        String name = name((TypeElement) t.asElement());
        if (name == null) {
            return null;
        }
        List<? extends TypeMirror> args = t.getTypeArguments();
        if (args.isEmpty()) {
            return name;
        }
        StringBuilder b = new StringBuilder(name).append('<');
        for (int i = 0; i < args.size(); i++) {
            String a = argument(args.get(i));
            if (a == null) {
                return null;
            }
            b.append(i == 0 ? "" : ", ").append(a);
        }
        return b.append('>').toString();
    }

    private static String argument(TypeMirror t) {
        if (t.getKind() == TypeKind.WILDCARD) {
            WildcardType w = (WildcardType) t;
            if (w.getExtendsBound() != null) {
                String e = denote(w.getExtendsBound());
                return e == null ? null : "? extends " + e;
            }
            if (w.getSuperBound() != null) {
                String s = denote(w.getSuperBound());
                return s == null ? null : "? super " + s;
            }
            return "?";
        }
        if (t.getKind() == TypeKind.TYPEVAR) {
            // a captured wildcard: write it as the wildcard again
            TypeVariable v = (TypeVariable) t;
            TypeMirror lower = v.getLowerBound();
            if (lower != null && lower.getKind() != TypeKind.NULL && lower.getKind() != TypeKind.NONE) {
                String s = denote(lower);
                return s == null ? null : "? super " + s;
            }
            String upper = denote(v.getUpperBound());
            return upper == null ? null : upper.equals("java.lang.Object") ? "?" : "? extends " + upper;
        }
        return denote(t);
    }

    private static String name(TypeElement e) {
        switch (e.getNestingKind()) {
            case TOP_LEVEL:
                return e.getQualifiedName().toString();
            case MEMBER: {
                Element outer = e.getEnclosingElement();
                String o = outer instanceof TypeElement te ? name(te) : null;
                return o == null ? null : o + "." + e.getSimpleName();
            }
            case LOCAL:
                return e.getSimpleName().toString(); // a setup's local class, hoisted to a member of the same name
            default:
                return null; // anonymous
        }
    }
}
