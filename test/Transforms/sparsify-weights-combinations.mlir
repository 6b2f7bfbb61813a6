// Every valid combination of pruning mode x joint mode on a linear weight
// W[32, 64] (f16, no zeros): 50 % unstructured, 2:4 and blocks of 2 each keep
// exactly 1024 values; the values are stored plainly, quantized (then
// dequantized before the scatter) or palettized.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights)' | FileCheck %s --check-prefix=UNSTRUCTURED-PLAIN
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{quantize-dtype=int8})' | FileCheck %s --check-prefix=UNSTRUCTURED-INT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{quantize-dtype=uint8})' | FileCheck %s --check-prefix=UNSTRUCTURED-UINT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{quantize-dtype=fp8_e4m3fn})' | FileCheck %s --check-prefix=UNSTRUCTURED-FP8E4M3
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{quantize-dtype=fp8_e5m2})' | FileCheck %s --check-prefix=UNSTRUCTURED-FP8E5M2
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{palettize-nbits=1})' | FileCheck %s --check-prefix=UNSTRUCTURED-LUT1
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{palettize-nbits=2})' | FileCheck %s --check-prefix=UNSTRUCTURED-LUT2
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{palettize-nbits=3})' | FileCheck %s --check-prefix=UNSTRUCTURED-LUT3
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{palettize-nbits=4})' | FileCheck %s --check-prefix=UNSTRUCTURED-LUT4
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{palettize-nbits=6})' | FileCheck %s --check-prefix=UNSTRUCTURED-LUT6
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{palettize-nbits=8})' | FileCheck %s --check-prefix=UNSTRUCTURED-LUT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4})' | FileCheck %s --check-prefix=NM-PLAIN
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 quantize-dtype=int8})' | FileCheck %s --check-prefix=NM-INT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 quantize-dtype=uint8})' | FileCheck %s --check-prefix=NM-UINT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 quantize-dtype=fp8_e4m3fn})' | FileCheck %s --check-prefix=NM-FP8E4M3
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 quantize-dtype=fp8_e5m2})' | FileCheck %s --check-prefix=NM-FP8E5M2
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 palettize-nbits=1})' | FileCheck %s --check-prefix=NM-LUT1
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 palettize-nbits=2})' | FileCheck %s --check-prefix=NM-LUT2
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 palettize-nbits=3})' | FileCheck %s --check-prefix=NM-LUT3
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 palettize-nbits=4})' | FileCheck %s --check-prefix=NM-LUT4
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 palettize-nbits=6})' | FileCheck %s --check-prefix=NM-LUT6
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 palettize-nbits=8})' | FileCheck %s --check-prefix=NM-LUT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=2})' | FileCheck %s --check-prefix=BLOCK-PLAIN
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=2 quantize-dtype=int8})' | FileCheck %s --check-prefix=BLOCK-INT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=2 quantize-dtype=uint8})' | FileCheck %s --check-prefix=BLOCK-UINT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=2 quantize-dtype=fp8_e4m3fn})' | FileCheck %s --check-prefix=BLOCK-FP8E4M3
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=2 quantize-dtype=fp8_e5m2})' | FileCheck %s --check-prefix=BLOCK-FP8E5M2
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=2 palettize-nbits=1})' | FileCheck %s --check-prefix=BLOCK-LUT1
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=2 palettize-nbits=2})' | FileCheck %s --check-prefix=BLOCK-LUT2
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=2 palettize-nbits=3})' | FileCheck %s --check-prefix=BLOCK-LUT3
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=2 palettize-nbits=4})' | FileCheck %s --check-prefix=BLOCK-LUT4
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=2 palettize-nbits=6})' | FileCheck %s --check-prefix=BLOCK-LUT6
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=2 palettize-nbits=8})' | FileCheck %s --check-prefix=BLOCK-LUT8

coreai.graph @main(%x: tensor<2x64xf16>) -> tensor<2x32xf16> {
  %w = coreai.constant dense_resource<w> : tensor<32x64xf16>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %t = coreai.transpose %w, %perm : (tensor<32x64xf16>, tensor<2xui32>) -> tensor<64x32xf16>
  %y = coreai.decomposable.broadcasting_batch_matmul %x, %t : (tensor<2x64xf16>, tensor<64x32xf16>) -> tensor<2x32xf16>
  coreai.output %y : tensor<2x32xf16>
}
{-# dialect_resources: { builtin: {
  w: "0x100000002F18F325E6A58324ED294425002DAAA9E71A83A804A9B5A0AA215D258126262F85291AAD3B21FAA79AA62E2CB5A13EAEF32376A384ABE5A900A8CB9476A5521BE02D1FA92BA961A2032B85A8972C30AC9BAA919987A9EAA7C625A228D51D08A34D2C272505A2C62BC5A9372039285BA77D24ECA69FA78CAA2D2C08A7642BDF24AEA24628F822BC1E67AC411BB9293D265F2AC52C4225522ED8AC29A20AB04029D21C672DB0A47CAE172C4BAC0FAC7FA0052883A6C42005AE892DE19A231E7F2756201D21F0A9CD9D9A25AE2A279EAE1C522451274C2178A288A6312B8F2336149031A6297629D31F7EAA462B859C6219932A842A2622B72E552791AACF28C01FB0165E2801226B2E3A2175226E2B38A77D2A289A932B6FA95F251DADA6A55526512EE12D49ACD8A8012C9E255FAC372633AB7DA906ACA6A2322FD824769D0530E9A5969FBCA26325EFA3A82C75A33127BF217CA93DAA2B9954AF111C591FCC9B882474A41C2834ADD4299FA93726EEA56EA50DA94A2CF0AAB3AB9321A922751825AA26A8C82995AAD127A628DE1EBDAB172E781E0F21C5A40AAAC0A2252160A90B1E5A2B9825D09CB52ADF29C42910A9C9AD1929561AB3A43526BCA5DDA7C32D0FAD5D29772AA92D80228326D1A9B816B1AE35A750953E9D15A66F2B0EADE01E0EA50418B019342ECAAA472C792C679ECCA7DDAB79A9842EE5AECC2569A80B2E0C244BAC96A60521671E04AA2FA3D4A533261323CE2176A70A2923A748A977A51DA4CEA325AE512CFA27372C04A5CC281B21FD15B82D88A7552783AD332759A076AA8DA7BFAEC1AA552033B0E62A3A2AC8A8B9AC75AC13ACC9A8F02E31ABD028F52B06AAC9A24F2829A8F72BDA2EE4983FA999274E24C4A8169F661C70264D2B2BA624AC2CADEB2D55A537A5DE2F212B2C2F66A067A8B9A627285E251D253C2F552CF0AA9D259927BCA8692FDD29D72CCCA64EABD5280DA168A7929C56216E1F4CA1F625A430862B89A6862E2BA6F4AC6FAC8BAE5F2B0EAB94AC3FA756A101AC68A71D281CAA12276B22F426F9A684AB1D2A5E275DA816A96228722E97240830BD234C241D26EB2ADAAC551F0A2C0AADF221BE287D2D022D2C97A02E27AB82AC442C47285DABF42A8C29A528C0A51FAC71ADB4A126A0A5A641A7EA2957ABCDA85E2E1EA81FA8CF2AD3AD322D20AC66A928AC33AACAA8F429889B692CF62805ACEEA79AA5FD1DB1248525DCAE31A006A6F02D73A25798F9286FAB129FD59EC295BAA218A7DD1B48AC302DE3AD90A30F2A54A120A067AF8C2C2E1960AEEAA5AD2CD424D9AC55A71522A42E0422AE2846A49C178AAA47AC6AACB4A7042C9C98A72BEB28861F91A6E82E432BF92B0230DD2CAB21DD241D273A2F94AADFAD4CA69AA7F329B62785973B1B282E6F2E9A2DC8A4EE2B6DABE7AD832DAD296128992C612D6F234D23E5278829ED204EAC0730C5A893A7D927D097FD26CF2FA22CD7A55D24B7981B2CB1A910AA5CADC6263425BC289029A6AB91A4D8AA062CB12995AC2B27F41E411FA22888A789A32AA826A894AA972BD227B4A13CAD602F9219D2215228932D17A381AF70A30FA7C92C7DA5612413A908294CA87A292020C1205E2414AD83A534229EA4D92BCA2982A8BA2B25A16B27042C00AB17A9FD9670A14DAD6F28E220C6214B24CA281BA9682431A5D8A56DA9ED2BC4AF72A88D28B8A30DA8D72AE0A9AEA2832571A65AA6A71C642AC6A9192761982DA42FAC9F2D8727612375A33D2D05A859AAE6A8CE95622457AEE2235C23002BF5A3CD2C7C2EB8A644A2762ADB2B31147C2BEAAC222AF825E5297C26762871A5842C94AE2A23D1A74F2E1FAB791F5029AFAAF69DA72B062976A8DAAB08AC509CE79E58A45CA663214E2C982A3FA53429C5A1322CC02A322A352FD42A072A902C76AA8EA309A4B129F61ACBABB4A860A08BA588A59EAC17200FACA0A49AA72CA3AF2C1BA5DEA4E1AF7EA9E2226FA34329EBA24E297D231F2B69A2EC29C1A5C5A87A2B54ACC0A9582D1F2125259F226D2E441BAB2CE91445A83FA28D1B2E3078A7E925D9AC7927969D5925D31D91A5AD1CC916D32A7A98399D13ACCB29639FABA9DC2B162AD01B2BAC82AF9D1FBBAC40283FA4CF22B3A6B7252D292C1FF6280929A39E60AD29287BA781AADFAD9FAD4F2CC02D582C912E15AEE62868ACACAC09280F2ACBA93FAD09AD00A1A629662ED02592AAF4AAE71814287EAEFE2219A84D295FAD172A902C812CF22CDA1DE81C2EAB459830A9A527AF28B59F102D54AC62A7732DAFA2612818B0BF2C8FA866A83B2A6A1A9FAD432C34AAC9A448A8F2A5B2A5CEA45BA6EE2F11237727F7A7AE2D9626EF1B5BA7002993AD92A89DA45824701EC5AC6927E6A5F9A6811D6AA4F8A533A5322895141E2153A8512B2F1DDFA8CB2A71ACB0A80429E5A541A4D3A4C12586276DA86EA65BAE86A6C7256C2B6AA35822652961AB4A2C74AC53A3E5ADBDA37CAAFE297FAE94257824D0262F2A2729E5A98227D3A86BA8B8A378A6D5A7722AD01815AE24A9A1A6202FA921F1A65E255FAFC62CA4A431AA192926A929ABF7282B2EC3A4FC9C439FEC2484A58A1D15A9AE9F1B29D8AC7728672D6AA801A5E51C1C9AF7AA2129C427592A6328CFA746A005A8143010A58B29AF2C8D9EA3210725042DACABD2227425A82517A9C229FD2551AAA9AA402EDFA700AD0B25EDAA5B963A26D7A971ACDE2D24AC6AAB66954A25BE9CADA9B12910AB3EA92728652AA825A129D924122983A89FA81927432A3AA5BFA88C9FC92AAB9C91A202A09FA36C2652A50F1E02A2EDA8A21627236CADD321F421969E9EAA21A83F289FA93B2A22A55824B4B0D326442011AD3C2A19A65DAB532C5C2C922A58292C2B7BADA59F682C5927B41E60A234A4BEA80F9D70B08A2A83B07F21AD9D4928F428882754ADC7AEF3A89B29EFAD97A669A7F19F0EAD0C27DEA2CA297D1E7597542A172C712682A86E24B82AFB28272D6D2B9AA4BD2E872877288421A6AB40AE41286D2A5B2D3AA9C29B13A62F28A4A81BA99AAC33A04B2AA7AB5FA58B2CF7A88AAEF5A92C29A117C6A91BA8EA2B59AC6D2C2DA56627ABAA81A9A22F679F27AA9D2664A830AA86A9C8A64E2C34AD5B2527AD7F2760A6032826A2052A712860252028B7A57BA4E6A85427DA243A9F2DAB1A9B32260629E0A79028A5ABB8A5BEAAD321B3A9ACA8982AA22A44ADC82A6D29F02990A54F2CAE2738ACABAE74AA4B26373134ACCB2657209C205428BE2A961DAF2D5029CD2BF62BC6A9462D90A99220B0A162A9B099CAACC5271D9C4BA8A5204924349EF0ADCF259623502E6A2F8E2B442795257DA5C4A451A98AA894A90B2C802D89B0B2AE91ACFAA049A3FA309B1CB4A9E5AC602626A921A570AC672BE225612BF6A6601CA4A48CAAB627D3AD35A821AC041CC3AC67A0A2A92AA6ACA53B2E2BAA022C1AA5B130A121882A74ACD12C949CF6A8DA1A462D9EA751219D2BD42A26AAEAAC7C2ACE261C29902ABB1C97281CA7BAA13F206FA780A0562D749B5E29DF2207ACC428FEAD4C25FF9C82A96428DCA5432EC7AD862C452AF025C9AB0FACD1AEE921FDA2BD29DB21C2272BAD391F3C25EE2A28B0712BD1AD431C4B21C32E4227581C38A9E3A967AC0DA270A9B32BC4AA2129EBA05FA9B51EF5AD97242995DAA6DB2221274D2AA11C86A6E526ECAD452D5EA41F25ED2C91A898A4E3218DA9152B91AD7FA52A240422DBA6C42C7D2C831AF528FBAB712A96233F2980280624709691AC8BAD03AC1B29FB1FFFA787A881284C9D082D32A5C2AAD6AE4FA9B324CEAC1128D22713ACEF2493ACA21C9BA69D27EDAA4EA2F42513A797A531A9262ABA207F28432976257B243CA8E199D9261FAC8AAA8D287B2D5F26A416AC2C452A802C272981213529BB2CDA2A14AD5B2DB1A5BAABFCAB022468AF13AC011EE327E22CE0A84DA98928FF199022D2A8DDA988A81320B123A22C0E28951CA22BC8AC0EA94127B3293B19BAAC85ACC921002660AECEA5679C802AE52AECA549AADCA13DA8EDA8BE2728B0589BCA255FACB22C672482A73C2A8A2A1DA9C3AF8B2B98A1CCAEB72A3EB084A819ADD2ACC497312FF1A9C92BA0A9A5AA171921AEFA2CC1A9F5ACE5A11CA5A0A99F23C92CB4A31CA9B929202AE6A891A2D8A9E3ACDE280B268F2CAA2D65B058AC57A2AE2DE89A5229BAA90A2C6E2C312CA82902A69E2DD4A8F1A959A98A1D142C40267C9ED927EA1CE2AB373062299A29C02648A887A04728F82BA72522A8C5A201ABA9A583A280A876237A2E29A8F8ACB1A80C2B04ABA52A1F2B09A4C8AC762520AAD714DC2D9B2233AEF39D61AB862D91225EA85B1968A3D9AA65AC9A9F38A9D9A48126D52A29A9DE2148ABF7AE482AD82C23A8E0AB73ADFBA409297424AAAC7F1F0CAD33A56C23892366AE7EA95FA0B024D3A6DF25DE2B5CAD9E21632F9C21BCA1602B1F2A1A20BBAFDE9CD2203F26C92C66ADB7AB19143629DAA87DAA2C249617202953A205236BAD16259424D0A440ACDE2C5F2915A25929832D48A57E2C58286CA4ADA4F92B8F2AB2270BAA46A6679CBCAC25ADBAA9FF244726A59EC427FE2C7DAB0B29CEA76D2C04AEB02124AE639A6C9FA8A45D280BAC25A25028EBA44727549CE12072A918ACD1A6032C132554A531A8422BD5281098F727981B292C2DAAE520A7261226E3A83EA8D428632DA3A9D5A2D22BA9A13428FB29A2A0282E6B1BFAA43B2A442B88A9FAA62A1810AC78220A2C08A75BA29A9E1DACB397B1A5C3A8B62C11A738A657B07D26499F512AB2A82EA0689E362DA92828AED22E872B4FA54AAB94A8ABADADA5C1290F9C83A97226A0261E236928CD2C4427D02B7C2AB89FDB2861A4992573276129B3219DAC571AA12419294225DD977D2BD1297616AA238A1FB2A435A4AA2889A9A1A48927B12501AA44A9F5A3BA24F7284B9B422DED28F3AC76A29729AF2AECA458A3F89F9220D5AAF1211D2B3E23AF2968A83F2921A49726CE27D6AA7CAA432A562847268CA8C529862846A948ABBD28BA1E8DA93FA57BA9FB249A18122AF723BE210D2C0A9DFBAA909D65A97728892D36A821A230AC292DD12DB428F12C502C71A6AB9D12A0522A83ACCBAA022581A7D3AC55A93C286C2DF11A472CEBAB342496A555A02230C0ACFCACD31D9329D0AC85A90AA5809526AD7B27132482A37BAD6B2C0F9F69AC7D27782A94AA6E2793A53C2560AA96261D2CF1A1FB2577A0159D372B21A8C1A17D2F839F369CAF992CA4ACA1182C41ACB4AEA32250A7ABA5309FC4A377AA79A1E0A3D9AA2F18872C0525432D6CA19F25339D69A982AA80ADE026A9A4BA212DACA8AC2DAA8E2A3D2D0F2F7620E29497ACC1AD38A51F97FB9F7BABD6A070231E24CF2DC2ABD021D4A7E4A83E1D1FAD8A2C83207C2B20215B2D76A9E7A8052F9D286B2C691539A3F79AEF2BB3279BAE7E26B2295C2DB89BB3ADC7A8492B412629289620D7A52FA5B19D6A264CACC62C972C57A97DAB4D2D9529EDA3FCA9E22C15292C248C2D51A93FA6F1A89822A3AEB49DD7A9EEA42CAA08B09A26832B352A3DA9B119182891A404AC5625B721A7A5972BF5A8EF230618462CA7210BAACBACFC244EAB232C022995A5DAA14B2C7D244FACF3A68F2698A8472D01AB372969A21E2D5A28511E2024A0A2E0ACDFA168A547A0ACA8CEAC8A1424A7DA28A7280AAC12202FA3831D11A81CA8272C63246FACF0ABEA9808A761A5B2A8ED2852293B28BB981B9EEBAB472E7E256BA3042EBDAB00A67EA612A7D91D94A5159F7EA5"
} } #-}

// UNSTRUCTURED-PLAIN:      %[[V:.*]] = coreai.constant {{.*}} : tensor<1024xf16>
// UNSTRUCTURED-PLAIN-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// UNSTRUCTURED-PLAIN-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// UNSTRUCTURED-PLAIN-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// UNSTRUCTURED-INT8:      coreai.constant {{.*}} : tensor<1024xsi8>
// UNSTRUCTURED-INT8-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// UNSTRUCTURED-INT8-NEXT: coreai.constant {{.*}} : tensor<1xsi8>
// UNSTRUCTURED-INT8-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// UNSTRUCTURED-INT8-NEXT: %[[V:.*]] = coreai.blockwise_shift_scale {{.*}} : (tensor<1024xsi8>, tensor<1xf16>, tensor<1xsi8>, tensor<1xf16>) -> tensor<1024xf16>
// UNSTRUCTURED-INT8-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// UNSTRUCTURED-INT8-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// UNSTRUCTURED-INT8-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// UNSTRUCTURED-UINT8:      coreai.constant {{.*}} : tensor<1024xui8>
// UNSTRUCTURED-UINT8-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// UNSTRUCTURED-UINT8-NEXT: coreai.constant {{.*}} : tensor<1xui8>
// UNSTRUCTURED-UINT8-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// UNSTRUCTURED-UINT8-NEXT: %[[V:.*]] = coreai.blockwise_shift_scale {{.*}} : (tensor<1024xui8>, tensor<1xf16>, tensor<1xui8>, tensor<1xf16>) -> tensor<1024xf16>
// UNSTRUCTURED-UINT8-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// UNSTRUCTURED-UINT8-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// UNSTRUCTURED-UINT8-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// UNSTRUCTURED-FP8E4M3:      coreai.constant {{.*}} : tensor<1024xf8E4M3FN>
// UNSTRUCTURED-FP8E4M3-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// UNSTRUCTURED-FP8E4M3-NEXT: coreai.constant {{.*}} : tensor<1xf8E4M3FN>
// UNSTRUCTURED-FP8E4M3-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// UNSTRUCTURED-FP8E4M3-NEXT: %[[V:.*]] = coreai.blockwise_shift_scale {{.*}} : (tensor<1024xf8E4M3FN>, tensor<1xf16>, tensor<1xf8E4M3FN>, tensor<1xf16>) -> tensor<1024xf16>
// UNSTRUCTURED-FP8E4M3-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// UNSTRUCTURED-FP8E4M3-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// UNSTRUCTURED-FP8E4M3-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// UNSTRUCTURED-FP8E5M2:      coreai.constant {{.*}} : tensor<1024xf8E5M2>
// UNSTRUCTURED-FP8E5M2-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// UNSTRUCTURED-FP8E5M2-NEXT: coreai.constant {{.*}} : tensor<1xf8E5M2>
// UNSTRUCTURED-FP8E5M2-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// UNSTRUCTURED-FP8E5M2-NEXT: %[[V:.*]] = coreai.blockwise_shift_scale {{.*}} : (tensor<1024xf8E5M2>, tensor<1xf16>, tensor<1xf8E5M2>, tensor<1xf16>) -> tensor<1024xf16>
// UNSTRUCTURED-FP8E5M2-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// UNSTRUCTURED-FP8E5M2-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// UNSTRUCTURED-FP8E5M2-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// UNSTRUCTURED-LUT1:      coreai.constant {{.*}} : tensor<1024xui1>
// UNSTRUCTURED-LUT1-NEXT: coreai.constant {{.*}} : tensor<1x2x1xf16>
// UNSTRUCTURED-LUT1-NEXT: coreai.constant dense<0> : tensor<si16>
// UNSTRUCTURED-LUT1-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui1>, tensor<1x2x1xf16>, tensor<si16>) -> tensor<1024xf16>
// UNSTRUCTURED-LUT1-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// UNSTRUCTURED-LUT1-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// UNSTRUCTURED-LUT1-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// UNSTRUCTURED-LUT2:      coreai.constant {{.*}} : tensor<1024xui2>
// UNSTRUCTURED-LUT2-NEXT: coreai.constant {{.*}} : tensor<1x4x1xf16>
// UNSTRUCTURED-LUT2-NEXT: coreai.constant dense<0> : tensor<si16>
// UNSTRUCTURED-LUT2-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui2>, tensor<1x4x1xf16>, tensor<si16>) -> tensor<1024xf16>
// UNSTRUCTURED-LUT2-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// UNSTRUCTURED-LUT2-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// UNSTRUCTURED-LUT2-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// UNSTRUCTURED-LUT3:      coreai.constant {{.*}} : tensor<1024xui3>
// UNSTRUCTURED-LUT3-NEXT: coreai.constant {{.*}} : tensor<1x8x1xf16>
// UNSTRUCTURED-LUT3-NEXT: coreai.constant dense<0> : tensor<si16>
// UNSTRUCTURED-LUT3-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui3>, tensor<1x8x1xf16>, tensor<si16>) -> tensor<1024xf16>
// UNSTRUCTURED-LUT3-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// UNSTRUCTURED-LUT3-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// UNSTRUCTURED-LUT3-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// UNSTRUCTURED-LUT4:      coreai.constant {{.*}} : tensor<1024xui4>
// UNSTRUCTURED-LUT4-NEXT: coreai.constant {{.*}} : tensor<1x16x1xf16>
// UNSTRUCTURED-LUT4-NEXT: coreai.constant dense<0> : tensor<si16>
// UNSTRUCTURED-LUT4-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui4>, tensor<1x16x1xf16>, tensor<si16>) -> tensor<1024xf16>
// UNSTRUCTURED-LUT4-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// UNSTRUCTURED-LUT4-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// UNSTRUCTURED-LUT4-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// UNSTRUCTURED-LUT6:      coreai.constant {{.*}} : tensor<1024xui6>
// UNSTRUCTURED-LUT6-NEXT: coreai.constant {{.*}} : tensor<1x64x1xf16>
// UNSTRUCTURED-LUT6-NEXT: coreai.constant dense<0> : tensor<si16>
// UNSTRUCTURED-LUT6-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui6>, tensor<1x64x1xf16>, tensor<si16>) -> tensor<1024xf16>
// UNSTRUCTURED-LUT6-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// UNSTRUCTURED-LUT6-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// UNSTRUCTURED-LUT6-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// UNSTRUCTURED-LUT8:      coreai.constant {{.*}} : tensor<1024xui8>
// UNSTRUCTURED-LUT8-NEXT: coreai.constant {{.*}} : tensor<1x256x1xf16>
// UNSTRUCTURED-LUT8-NEXT: coreai.constant dense<0> : tensor<si16>
// UNSTRUCTURED-LUT8-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui8>, tensor<1x256x1xf16>, tensor<si16>) -> tensor<1024xf16>
// UNSTRUCTURED-LUT8-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// UNSTRUCTURED-LUT8-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// UNSTRUCTURED-LUT8-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// NM-PLAIN:      %[[V:.*]] = coreai.constant {{.*}} : tensor<1024xf16>
// NM-PLAIN-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// NM-PLAIN-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// NM-PLAIN-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// NM-INT8:      coreai.constant {{.*}} : tensor<1024xsi8>
// NM-INT8-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// NM-INT8-NEXT: coreai.constant {{.*}} : tensor<1xsi8>
// NM-INT8-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// NM-INT8-NEXT: %[[V:.*]] = coreai.blockwise_shift_scale {{.*}} : (tensor<1024xsi8>, tensor<1xf16>, tensor<1xsi8>, tensor<1xf16>) -> tensor<1024xf16>
// NM-INT8-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// NM-INT8-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// NM-INT8-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// NM-UINT8:      coreai.constant {{.*}} : tensor<1024xui8>
// NM-UINT8-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// NM-UINT8-NEXT: coreai.constant {{.*}} : tensor<1xui8>
// NM-UINT8-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// NM-UINT8-NEXT: %[[V:.*]] = coreai.blockwise_shift_scale {{.*}} : (tensor<1024xui8>, tensor<1xf16>, tensor<1xui8>, tensor<1xf16>) -> tensor<1024xf16>
// NM-UINT8-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// NM-UINT8-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// NM-UINT8-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// NM-FP8E4M3:      coreai.constant {{.*}} : tensor<1024xf8E4M3FN>
// NM-FP8E4M3-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// NM-FP8E4M3-NEXT: coreai.constant {{.*}} : tensor<1xf8E4M3FN>
// NM-FP8E4M3-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// NM-FP8E4M3-NEXT: %[[V:.*]] = coreai.blockwise_shift_scale {{.*}} : (tensor<1024xf8E4M3FN>, tensor<1xf16>, tensor<1xf8E4M3FN>, tensor<1xf16>) -> tensor<1024xf16>
// NM-FP8E4M3-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// NM-FP8E4M3-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// NM-FP8E4M3-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// NM-FP8E5M2:      coreai.constant {{.*}} : tensor<1024xf8E5M2>
// NM-FP8E5M2-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// NM-FP8E5M2-NEXT: coreai.constant {{.*}} : tensor<1xf8E5M2>
// NM-FP8E5M2-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// NM-FP8E5M2-NEXT: %[[V:.*]] = coreai.blockwise_shift_scale {{.*}} : (tensor<1024xf8E5M2>, tensor<1xf16>, tensor<1xf8E5M2>, tensor<1xf16>) -> tensor<1024xf16>
// NM-FP8E5M2-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// NM-FP8E5M2-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// NM-FP8E5M2-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// NM-LUT1:      coreai.constant {{.*}} : tensor<1024xui1>
// NM-LUT1-NEXT: coreai.constant {{.*}} : tensor<1x2x1xf16>
// NM-LUT1-NEXT: coreai.constant dense<0> : tensor<si16>
// NM-LUT1-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui1>, tensor<1x2x1xf16>, tensor<si16>) -> tensor<1024xf16>
// NM-LUT1-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// NM-LUT1-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// NM-LUT1-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// NM-LUT2:      coreai.constant {{.*}} : tensor<1024xui2>
// NM-LUT2-NEXT: coreai.constant {{.*}} : tensor<1x4x1xf16>
// NM-LUT2-NEXT: coreai.constant dense<0> : tensor<si16>
// NM-LUT2-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui2>, tensor<1x4x1xf16>, tensor<si16>) -> tensor<1024xf16>
// NM-LUT2-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// NM-LUT2-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// NM-LUT2-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// NM-LUT3:      coreai.constant {{.*}} : tensor<1024xui3>
// NM-LUT3-NEXT: coreai.constant {{.*}} : tensor<1x8x1xf16>
// NM-LUT3-NEXT: coreai.constant dense<0> : tensor<si16>
// NM-LUT3-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui3>, tensor<1x8x1xf16>, tensor<si16>) -> tensor<1024xf16>
// NM-LUT3-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// NM-LUT3-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// NM-LUT3-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// NM-LUT4:      coreai.constant {{.*}} : tensor<1024xui4>
// NM-LUT4-NEXT: coreai.constant {{.*}} : tensor<1x16x1xf16>
// NM-LUT4-NEXT: coreai.constant dense<0> : tensor<si16>
// NM-LUT4-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui4>, tensor<1x16x1xf16>, tensor<si16>) -> tensor<1024xf16>
// NM-LUT4-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// NM-LUT4-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// NM-LUT4-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// NM-LUT6:      coreai.constant {{.*}} : tensor<1024xui6>
// NM-LUT6-NEXT: coreai.constant {{.*}} : tensor<1x64x1xf16>
// NM-LUT6-NEXT: coreai.constant dense<0> : tensor<si16>
// NM-LUT6-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui6>, tensor<1x64x1xf16>, tensor<si16>) -> tensor<1024xf16>
// NM-LUT6-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// NM-LUT6-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// NM-LUT6-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// NM-LUT8:      coreai.constant {{.*}} : tensor<1024xui8>
// NM-LUT8-NEXT: coreai.constant {{.*}} : tensor<1x256x1xf16>
// NM-LUT8-NEXT: coreai.constant dense<0> : tensor<si16>
// NM-LUT8-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui8>, tensor<1x256x1xf16>, tensor<si16>) -> tensor<1024xf16>
// NM-LUT8-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// NM-LUT8-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// NM-LUT8-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// BLOCK-PLAIN:      %[[V:.*]] = coreai.constant {{.*}} : tensor<1024xf16>
// BLOCK-PLAIN-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// BLOCK-PLAIN-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// BLOCK-PLAIN-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// BLOCK-INT8:      coreai.constant {{.*}} : tensor<1024xsi8>
// BLOCK-INT8-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// BLOCK-INT8-NEXT: coreai.constant {{.*}} : tensor<1xsi8>
// BLOCK-INT8-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// BLOCK-INT8-NEXT: %[[V:.*]] = coreai.blockwise_shift_scale {{.*}} : (tensor<1024xsi8>, tensor<1xf16>, tensor<1xsi8>, tensor<1xf16>) -> tensor<1024xf16>
// BLOCK-INT8-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// BLOCK-INT8-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// BLOCK-INT8-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// BLOCK-UINT8:      coreai.constant {{.*}} : tensor<1024xui8>
// BLOCK-UINT8-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// BLOCK-UINT8-NEXT: coreai.constant {{.*}} : tensor<1xui8>
// BLOCK-UINT8-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// BLOCK-UINT8-NEXT: %[[V:.*]] = coreai.blockwise_shift_scale {{.*}} : (tensor<1024xui8>, tensor<1xf16>, tensor<1xui8>, tensor<1xf16>) -> tensor<1024xf16>
// BLOCK-UINT8-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// BLOCK-UINT8-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// BLOCK-UINT8-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// BLOCK-FP8E4M3:      coreai.constant {{.*}} : tensor<1024xf8E4M3FN>
// BLOCK-FP8E4M3-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// BLOCK-FP8E4M3-NEXT: coreai.constant {{.*}} : tensor<1xf8E4M3FN>
// BLOCK-FP8E4M3-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// BLOCK-FP8E4M3-NEXT: %[[V:.*]] = coreai.blockwise_shift_scale {{.*}} : (tensor<1024xf8E4M3FN>, tensor<1xf16>, tensor<1xf8E4M3FN>, tensor<1xf16>) -> tensor<1024xf16>
// BLOCK-FP8E4M3-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// BLOCK-FP8E4M3-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// BLOCK-FP8E4M3-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// BLOCK-FP8E5M2:      coreai.constant {{.*}} : tensor<1024xf8E5M2>
// BLOCK-FP8E5M2-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// BLOCK-FP8E5M2-NEXT: coreai.constant {{.*}} : tensor<1xf8E5M2>
// BLOCK-FP8E5M2-NEXT: coreai.constant {{.*}} : tensor<1xf16>
// BLOCK-FP8E5M2-NEXT: %[[V:.*]] = coreai.blockwise_shift_scale {{.*}} : (tensor<1024xf8E5M2>, tensor<1xf16>, tensor<1xf8E5M2>, tensor<1xf16>) -> tensor<1024xf16>
// BLOCK-FP8E5M2-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// BLOCK-FP8E5M2-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// BLOCK-FP8E5M2-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// BLOCK-LUT1:      coreai.constant {{.*}} : tensor<1024xui1>
// BLOCK-LUT1-NEXT: coreai.constant {{.*}} : tensor<1x2x1xf16>
// BLOCK-LUT1-NEXT: coreai.constant dense<0> : tensor<si16>
// BLOCK-LUT1-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui1>, tensor<1x2x1xf16>, tensor<si16>) -> tensor<1024xf16>
// BLOCK-LUT1-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// BLOCK-LUT1-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// BLOCK-LUT1-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// BLOCK-LUT2:      coreai.constant {{.*}} : tensor<1024xui2>
// BLOCK-LUT2-NEXT: coreai.constant {{.*}} : tensor<1x4x1xf16>
// BLOCK-LUT2-NEXT: coreai.constant dense<0> : tensor<si16>
// BLOCK-LUT2-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui2>, tensor<1x4x1xf16>, tensor<si16>) -> tensor<1024xf16>
// BLOCK-LUT2-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// BLOCK-LUT2-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// BLOCK-LUT2-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// BLOCK-LUT3:      coreai.constant {{.*}} : tensor<1024xui3>
// BLOCK-LUT3-NEXT: coreai.constant {{.*}} : tensor<1x8x1xf16>
// BLOCK-LUT3-NEXT: coreai.constant dense<0> : tensor<si16>
// BLOCK-LUT3-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui3>, tensor<1x8x1xf16>, tensor<si16>) -> tensor<1024xf16>
// BLOCK-LUT3-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// BLOCK-LUT3-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// BLOCK-LUT3-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// BLOCK-LUT4:      coreai.constant {{.*}} : tensor<1024xui4>
// BLOCK-LUT4-NEXT: coreai.constant {{.*}} : tensor<1x16x1xf16>
// BLOCK-LUT4-NEXT: coreai.constant dense<0> : tensor<si16>
// BLOCK-LUT4-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui4>, tensor<1x16x1xf16>, tensor<si16>) -> tensor<1024xf16>
// BLOCK-LUT4-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// BLOCK-LUT4-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// BLOCK-LUT4-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// BLOCK-LUT6:      coreai.constant {{.*}} : tensor<1024xui6>
// BLOCK-LUT6-NEXT: coreai.constant {{.*}} : tensor<1x64x1xf16>
// BLOCK-LUT6-NEXT: coreai.constant dense<0> : tensor<si16>
// BLOCK-LUT6-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui6>, tensor<1x64x1xf16>, tensor<si16>) -> tensor<1024xf16>
// BLOCK-LUT6-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// BLOCK-LUT6-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// BLOCK-LUT6-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]

// BLOCK-LUT8:      coreai.constant {{.*}} : tensor<1024xui8>
// BLOCK-LUT8-NEXT: coreai.constant {{.*}} : tensor<1x256x1xf16>
// BLOCK-LUT8-NEXT: coreai.constant dense<0> : tensor<si16>
// BLOCK-LUT8-NEXT: %[[V:.*]] = coreai.lut_to_dense {{.*}} : (tensor<1024xui8>, tensor<1x256x1xf16>, tensor<si16>) -> tensor<1024xf16>
// BLOCK-LUT8-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<32x64xui1>
// BLOCK-LUT8-NEXT: %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<1024xf16>, tensor<32x64xui1>) -> !coreai.sparse_with_bitmask<tensor<32x64xf16>>
// BLOCK-LUT8-NEXT: coreai.sparse_with_bitmask_to_dense %[[S]]
