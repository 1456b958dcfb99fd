package org.medhub.hub.dictionary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.DictionaryDocs;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The data dictionary, for people and programs that integrate with the hub. */
@RestController
class DictionaryController {

    @GetMapping(path = "/api/dictionary", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode dictionary() {
        return DictionaryDocs.json(DataDictionary.standard());
    }

    @GetMapping(path = "/api/dictionary", produces = "text/markdown")
    String dictionaryAsMarkdown() {
        return DictionaryDocs.markdown(DataDictionary.standard());
    }
}
