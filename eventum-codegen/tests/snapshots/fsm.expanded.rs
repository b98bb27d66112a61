pub mod fsm {
    #[doc(hidden)]
    #[allow(unused_imports)]
    use ::eventum_runtime as __eventum;
    #[allow(unused_imports)]
    use __eventum::prelude::*;
    /// This generator has no parameters.
    #[derive(Debug, Clone, Default)]
    pub struct Params {}
    impl Params {
        #[doc(hidden)]
        fn __eventum_apply(
            &mut self,
            values: &__eventum::__private::ParamValues,
        ) -> ::core::result::Result<(), __eventum::__private::InitError> {
            __eventum::__private::apply_params(
                values,
                &[],
                |_, _| ::core::result::Result::Ok(()),
            )
        }
    }
    /// The samples of this generator, with their per-worker random streams.
    pub struct Samples {}
    pub struct Shared {
        pub open: Value<i64>,
    }
    impl Shared {
        #[doc(hidden)]
        #[allow(unused_variables)]
        fn __eventum_new(params: &Params) -> Self {
            Self {
                open: <Value<i64>>::default(),
            }
        }
    }
    /// This generator keeps no `locals` state.
    #[derive(Debug, Default)]
    pub struct Locals {}
    impl Locals {
        #[doc(hidden)]
        #[allow(unused_variables)]
        fn __eventum_new(params: &Params) -> Self {
            Self {}
        }
    }
    /// This generator keeps no `globals` state.
    #[derive(Debug, Default)]
    pub struct Globals {}
    impl Globals {
        #[doc(hidden)]
        #[allow(unused_variables)]
        fn __eventum_new(params: &Params) -> Self {
            Self {}
        }
    }
    /// The `vars` of the event types rendered by `login`.
    #[doc(hidden)]
    #[allow(non_camel_case_types)]
    #[derive(Debug, Clone, Copy)]
    pub struct __EventumVars_login {}
    /// The `vars` of the event types rendered by `logout`.
    #[doc(hidden)]
    #[allow(non_camel_case_types)]
    #[derive(Debug, Clone, Copy)]
    pub struct __EventumVars_logout {}
    /// The template context of one event: Eventum's names, typed.
    pub struct Cx<'__a, __V = ()> {
        /// The event's timestamp (`timestamp`).
        pub timestamp: __eventum::Timestamp,
        /// Tags of the input that produced the timestamp (`tags`).
        pub tags: &'__a __eventum::Tags,
        /// Parameters (`params`).
        pub params: &'__a Params,
        /// Samples (`samples`).
        pub samples: &'__a Samples,
        /// State shared by every event type (`shared`).
        pub shared: &'__a mut Shared,
        /// State of this event type (`locals`).
        pub locals: &'__a mut Locals,
        /// Process-wide state (`globals`).
        pub globals: &'__a mut Globals,
        /// Random values (`module.rand`).
        pub rand: &'__a __eventum::Rand,
        /// Fake data (`module.faker`).
        pub faker: &'__a __eventum::Faker,
        /// Dispatch signals (`dispatch`).
        pub dispatch: __eventum::Dispatch,
        /// This event type's `vars`.
        pub vars: &'__a __V,
        #[doc(hidden)]
        pub __out: &'__a mut ::std::vec::Vec<u8>,
        #[doc(hidden)]
        pub __meta: &'static str,
    }
    fn login(cx: &mut Cx<'_, __EventumVars_login>) -> __eventum::Event {
        let open = cx.shared.open.get().copied().unwrap_or(0) + 1;
        cx.shared.open.set(open);
        {
            let __eventum_out: &mut ::std::vec::Vec<u8> = &mut *cx.__out;
            __eventum_out.extend_from_slice(b"{\"message\":\"login\"}");
            __eventum::Event::WRITTEN
        }
    }
    fn logout(cx: &mut Cx<'_, __EventumVars_logout>) -> __eventum::Event {
        let open = cx.shared.open.get().copied().unwrap_or(0) - 1;
        cx.shared.open.set(open);
        {
            let __eventum_out: &mut ::std::vec::Vec<u8> = &mut *cx.__out;
            __eventum_out.extend_from_slice(b"{\"message\":\"logout\"}");
            __eventum::Event::WRITTEN
        }
    }
    #[doc(hidden)]
    pub struct __EventumState {
        params: Params,
        samples: Samples,
        shared: Shared,
        locals: [Locals; 2usize],
        globals: Globals,
        rand: __eventum::Rand,
        faker: __eventum::Faker,
        timestamp: __eventum::Timestamp,
        tags: __eventum::Tags,
        last: usize,
    }
    impl __eventum::__private::Render for __EventumState {
        fn render(
            &mut self,
            index: usize,
            out: &mut ::std::vec::Vec<u8>,
        ) -> __eventum::Event {
            self.last = index;
            match index {
                0usize => {
                    static VARS: __EventumVars_login = __EventumVars_login {};
                    let mut cx = Cx {
                        timestamp: self.timestamp,
                        tags: &self.tags,
                        params: &self.params,
                        samples: &self.samples,
                        shared: &mut self.shared,
                        locals: &mut self.locals[0usize],
                        globals: &mut self.globals,
                        rand: &self.rand,
                        faker: &self.faker,
                        dispatch: __eventum::Dispatch,
                        vars: &VARS,
                        __out: out,
                        __meta: "",
                    };
                    login(&mut cx)
                }
                1usize => {
                    static VARS: __EventumVars_logout = __EventumVars_logout {};
                    let mut cx = Cx {
                        timestamp: self.timestamp,
                        tags: &self.tags,
                        params: &self.params,
                        samples: &self.samples,
                        shared: &mut self.shared,
                        locals: &mut self.locals[1usize],
                        globals: &mut self.globals,
                        rand: &self.rand,
                        faker: &self.faker,
                        dispatch: __eventum::Dispatch,
                        vars: &VARS,
                        __out: out,
                        __meta: "",
                    };
                    logout(&mut cx)
                }
                _ => __eventum::Dispatch.drop(),
            }
        }
        #[allow(unused_variables, clippy::nonminimal_bool)]
        fn transition(&mut self, from: usize) -> ::core::option::Option<usize> {
            let shared = &self.shared;
            let globals = &self.globals;
            let locals = &self.locals[self.last];
            let timestamp = self.timestamp;
            let tags: &[__eventum::__private::Arc<str>] = &self.tags;
            match from {
                0usize => {
                    if __eventum::__private::fsm::ge(
                        &shared.open,
                        __eventum::__private::fsm::Observed::Int(2i64),
                    ) {
                        return ::core::option::Option::Some(1usize);
                    }
                    if true {
                        return ::core::option::Option::Some(0usize);
                    }
                    ::core::option::Option::None
                }
                1usize => {
                    if (__eventum::__private::fsm::lt(
                        &shared.open,
                        __eventum::__private::fsm::Observed::Int(1i64),
                    ) || __eventum::__private::fsm::has_tags(tags, &["reset"]))
                    {
                        return ::core::option::Option::Some(0usize);
                    }
                    if true {
                        return ::core::option::Option::Some(1usize);
                    }
                    ::core::option::Option::None
                }
                _ => ::core::option::Option::None,
            }
        }
    }
    #[doc(hidden)]
    pub struct __EventumGenerator {
        picker: __eventum::__private::Picker,
        state: __EventumState,
        picked: ::std::vec::Vec<usize>,
    }
    impl __eventum::Generator for __EventumGenerator {
        fn produce(
            &mut self,
            timestamp: __eventum::Timestamp,
            tags: &__eventum::Tags,
            out: &mut __eventum::EventBatch,
        ) -> __eventum::Produced {
            self.state.timestamp = timestamp;
            if !__eventum::__private::Arc::ptr_eq(&self.state.tags, tags) {
                self.state.tags = ::core::clone::Clone::clone(tags);
            }
            __eventum::__private::produce(
                &mut self.picker,
                &mut self.state,
                out,
                &mut self.picked,
            )
        }
        fn render(
            &mut self,
            event: &str,
            timestamp: __eventum::Timestamp,
            tags: &__eventum::Tags,
            out: &mut __eventum::EventBatch,
        ) -> ::core::option::Option<__eventum::Produced> {
            let index = ["login", "logout"].iter().position(|n| *n == event)?;
            self.state.timestamp = timestamp;
            self.state.tags = ::core::clone::Clone::clone(tags);
            ::core::option::Option::Some(
                __eventum::__private::render_one(&mut self.state, index, out),
            )
        }
        fn last_picked(&self) -> &[usize] {
            &self.picked
        }
    }
    #[doc(hidden)]
    fn __eventum_create(
        init: &__eventum::__private::Init<'_>,
    ) -> ::core::result::Result<
        ::std::boxed::Box<dyn __eventum::Generator>,
        __eventum::__private::InitError,
    > {
        let master = __eventum::FastRng::from_seed(init.seed);
        let mut params = <Params as ::core::default::Default>::default();
        params.__eventum_apply(init.params)?;
        let samples = Samples {};
        let shared = Shared::__eventum_new(&params);
        let globals = Globals::__eventum_new(&params);
        let locals: [Locals; 2usize] = ::core::array::from_fn(|_| Locals::__eventum_new(
            &params,
        ));
        let rng = master.fork(1);
        let picker = __eventum::__private::Picker::fsm(2usize, 0usize, rng);
        let state = __EventumState {
            rand: __eventum::Rand::new(&master.fork(2)),
            faker: __eventum::Faker::new(&master.fork(3)),
            params,
            samples,
            shared,
            locals,
            globals,
            timestamp: __eventum::Timestamp::from_utc_micros(0),
            tags: __eventum::__private::empty_tags(),
            last: 0,
        };
        ::core::result::Result::Ok(
            ::std::boxed::Box::new(__EventumGenerator {
                picker,
                state,
                picked: ::std::vec::Vec::with_capacity(2usize),
            }),
        )
    }
    /// What this generator is: events, weights, params, samples, state.
    pub static SPEC: __eventum::GeneratorSpec = __eventum::GeneratorSpec {
        name: "test-fsm",
        title: "test-fsm",
        description: "",
        mode: __eventum::Mode::Fsm,
        ecs_version: "8.11.0",
        field_files: &[],
        events: &[
            __eventum::__private::EventSpec {
                name: "login",
                function: "login",
                doc: "",
                weight: 1f64,
                kind: ::core::option::Option::None,
                category: &[],
                types: &[],
                action: ::core::option::Option::None,
                initial: true,
                transitions: &[
                    __eventum::__private::TransitionSpec {
                        to: "logout",
                        when_rust: "shared . open >= 2",
                        when_eventum: "{ge: {shared.open: 2}}",
                    },
                    __eventum::__private::TransitionSpec {
                        to: "login",
                        when_rust: "always ()",
                        when_eventum: "{always: null}",
                    },
                ],
                vars: &[],
                fields: &[
                    __eventum::__private::FieldSpec {
                        path: "message",
                        ecs_type: "",
                    },
                ],
            },
            __eventum::__private::EventSpec {
                name: "logout",
                function: "logout",
                doc: "",
                weight: 1f64,
                kind: ::core::option::Option::None,
                category: &[],
                types: &[],
                action: ::core::option::Option::None,
                initial: false,
                transitions: &[
                    __eventum::__private::TransitionSpec {
                        to: "login",
                        when_rust: "shared . open < 1 || has_tags (\"reset\")",
                        when_eventum: "{or: [{lt: {shared.open: 1}}, {has_tags: ['reset']}]}",
                    },
                    __eventum::__private::TransitionSpec {
                        to: "logout",
                        when_rust: "always ()",
                        when_eventum: "{always: null}",
                    },
                ],
                vars: &[],
                fields: &[
                    __eventum::__private::FieldSpec {
                        path: "message",
                        ecs_type: "",
                    },
                ],
            },
        ],
        chain: &[],
        params: &[],
        samples: &[],
        state: &[
            __eventum::__private::StateSpec {
                scope: "shared",
                name: "open",
                ty: "Value<i64>",
                doc: "",
            },
        ],
        export: ::core::option::Option::Some(&EXPORT),
    };
    /// The Eventum templates the event bodies were lowered to.
    pub static EXPORT: __eventum::__private::ExportSpec = __eventum::__private::ExportSpec {
        templates: &[
            __eventum::__private::TemplateFile {
                file: "login.json.jinja",
                text: "{%- set open = (shared.get('open') if shared.get('open') is not none else 0) + 1 -%}\n{%- do shared.set('open', open) -%}\n{\n    \"message\": \"login\"\n}\n",
            },
            __eventum::__private::TemplateFile {
                file: "logout.json.jinja",
                text: "{%- set open = (shared.get('open') if shared.get('open') is not none else 0) - 1 -%}\n{%- do shared.set('open', open) -%}\n{\n    \"message\": \"logout\"\n}\n",
            },
        ],
        base: "",
        aliases: &[
            __eventum::__private::AliasExport {
                template: "login.json.jinja",
                vars: &[],
            },
            __eventum::__private::AliasExport {
                template: "logout.json.jinja",
                vars: &[],
            },
        ],
    };
    /// This generator, ready to run.
    pub static GENERATOR: __eventum::GeneratorEntry = __eventum::GeneratorEntry {
        spec: &SPEC,
        create: __eventum_create,
    };
}
