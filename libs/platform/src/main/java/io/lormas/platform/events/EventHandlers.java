package io.lormas.platform.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

import io.lormas.contracts.EventEnvelope;
import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** Collects {@link EventHandler} methods of all beans, by event type name. */
public class EventHandlers implements BeanPostProcessor {

    private final Map<String, Handler> byType = new LinkedHashMap<>();

    /** One handler method. */
    public record Handler(Object bean, Method method, Class<?> eventClass, EventType type, boolean wantsEnvelope) {

        void invoke(Object event, EventEnvelope<?> envelope) throws Exception {
            try {
                if (wantsEnvelope) {
                    method.invoke(bean, event, envelope);
                } else {
                    method.invoke(bean, event);
                }
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> targetClass = AopUtils.getTargetClass(bean);
        Map<Method, EventHandler> methods = MethodIntrospector.selectMethods(targetClass,
                (MethodIntrospector.MetadataLookup<EventHandler>) method ->
                        AnnotatedElementUtils.findMergedAnnotation(method, EventHandler.class));
        methods.keySet().forEach(method -> register(bean, method));
        return bean;
    }

    private void register(Object bean, Method declared) {
        Method method = AopUtils.selectInvocableMethod(declared, bean.getClass());
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length < 1 || parameters.length > 2
                || (parameters.length == 2 && !EventEnvelope.class.equals(parameters[1]))) {
            throw new IllegalStateException("@EventHandler " + method + " must take (Event) or (Event, EventEnvelope)");
        }
        Class<?> eventClass = parameters[0];
        if (!LormasEvent.class.isAssignableFrom(eventClass)) {
            throw new IllegalStateException("@EventHandler " + method + ": " + eventClass.getName()
                    + " is not a LormasEvent");
        }
        EventType type = LormasEvent.typeOf(eventClass);
        method.setAccessible(true);
        Handler previous = byType.putIfAbsent(type.name(),
                new Handler(bean, method, eventClass, type, parameters.length == 2));
        if (previous != null) {
            throw new IllegalStateException("two @EventHandler methods for " + type.name() + ": " + previous.method()
                    + " and " + method);
        }
    }

    public @Nullable Handler forType(String type) {
        return byType.get(type);
    }

    /** Stream name to the handlers of its event types. */
    public Map<String, List<Handler>> byStream() {
        return byType.values().stream().collect(Collectors.groupingBy(handler -> handler.type().stream(),
                LinkedHashMap::new, Collectors.toList()));
    }

    public Collection<Handler> all() {
        return byType.values();
    }
}
