/** Moved to ../inPageRunner (lessons use it too, through <Playground />); kept so the views' test page still imports it from here. */
export * from '../inPageRunner';
